import type { Reporter, ReporterContext } from "./reporter.js";

/** `--json`: one event per line (NDJSON); the last line is `run_finished`. */
export function jsonReporter(ctx: ReporterContext): Reporter {
  return {
    onEvent: (event) => ctx.io.stdout.write(`${JSON.stringify(event)}\n`),
    close: () => undefined,
  };
}
