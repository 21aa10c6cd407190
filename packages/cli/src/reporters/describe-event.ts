import type { RunEvent } from "@computeflow/core";
import { formatProblem } from "../render-problems.js";
import { plain } from "../style.js";
import { formatDuration, formatNodes } from "./run-state.js";

/** One human line for an event, or undefined for events a line-based view skips. */
export function describeEvent(event: RunEvent): string | undefined {
  switch (event.type) {
    case "run_started":
      return `${event.mode} ${event.workflow}: ${event.steps.length} step${event.steps.length === 1 ? "" : "s"}`;
    case "step_planned":
      return `${event.step}: plan ${event.change}${event.summary ? ` - ${event.summary}` : ""}${event.reason ? ` (${event.reason})` : ""}`;
    case "step_started":
      return `${event.step}: started ${event.uses} ${event.action}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ""}`;
    case "step_progress": {
      const p = event.progress;
      const parts = [p.provisioningState, p.state, formatNodes(p), p.message].filter(Boolean);
      return parts.length ? `${event.step}: ${parts.join(", ")}` : undefined;
    }
    case "step_log":
      return event.level === "debug" ? undefined : `${event.step}: ${event.level === "warn" ? "warning: " : ""}${event.message}`;
    case "step_retry":
      return `${event.step}: attempt ${event.attempt} failed (${event.error.code}: ${event.error.message}); retrying in ${formatDuration(event.delayMs)}`;
    case "step_finished": {
      const error = event.error ? ` ${formatProblem({ severity: "error", code: event.error.code, message: event.error.message }, "", plain).slice(0, -1)}` : "";
      if (event.resumed) return `${event.step}: done by the interrupted run (resumed)`;
      return `${event.step}: ${event.status} in ${formatDuration(event.durationMs)}${error}`;
    }
    case "request_throttled":
      return undefined;
    case "run_warning":
      return `warning: ${event.message}`;
    case "interrupted":
      return event.inFlight.length
        ? `interrupted; still running in Azure: ${event.inFlight.map((f) => `${f.step} (${f.operation})`).join(", ")}`
        : "interrupted; nothing was in flight";
    case "run_finished":
      return `run ${event.status} in ${formatDuration(event.durationMs)}`;
    default:
      return undefined;
  }
}
