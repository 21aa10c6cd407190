import type { CliIO } from "./io.js";
import { formatProblem } from "./render-problems.js";
import { plain } from "./style.js";

const HINT = "this is a bug in computeflow or a plugin; rerun with COMPUTEFLOW_DEBUG=1 for details and report it";

/** An error nobody expected: one line, no stack trace unless COMPUTEFLOW_DEBUG=1. */
export function reportCrash(error: unknown, io: Pick<CliIO, "stderr" | "env">): void {
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
  const debug = io.env.COMPUTEFLOW_DEBUG === "1" && error instanceof Error && error.stack;
  io.stderr.write(formatProblem({ severity: "error", code: "E_INTERNAL", message, ...(debug ? {} : { hint: HINT }) }, "", plain));
  if (debug) io.stderr.write(`${error.stack}\n`);
}
