import { describeEvent } from "./describe-event.js";
import { planDetails } from "./plan-details.js";
import type { Reporter, ReporterContext } from "./reporter.js";
import { RunState } from "./run-state.js";
import { renderSummary } from "./summary-table.js";

/** Not a TTY, or CI: plain timestamped lines, then the summary table. */
export function plainReporter(ctx: ReporterContext): Reporter {
  const state = new RunState();
  return {
    onEvent(event) {
      state.apply(event);
      if (event.type === "run_finished") return;
      const line = describeEvent(event);
      if (line) ctx.io.stdout.write(`${event.time.slice(11, 19)} ${line}\n`);
      if (event.type === "step_planned") for (const detail of planDetails(event)) ctx.io.stdout.write(`${detail}\n`);
    },
    close() {
      ctx.io.stdout.write(renderSummary(state, ctx));
    },
  };
}
