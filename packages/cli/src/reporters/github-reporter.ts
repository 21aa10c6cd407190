import { appendFileSync } from "node:fs";
import { annotation } from "../github-annotations.js";
import type { Reporter, ReporterContext } from "./reporter.js";
import { formatDuration, RunState } from "./run-state.js";

/** GITHUB_ACTIONS=true: `::error file=...,line=...::` annotations and a job summary in $GITHUB_STEP_SUMMARY. */
export function githubReporter(ctx: ReporterContext): Reporter {
  const state = new RunState();
  return {
    onEvent(event) {
      state.apply(event);
      if (event.type === "step_finished" && event.status === "failed" && event.error) {
        ctx.io.stdout.write(annotation("error", event.error.message, { location: ctx.locations[event.step], title: `${event.error.code} in ${event.step}`, cwd: ctx.io.cwd }));
      }
      if (event.type === "step_log" && event.level === "warn") ctx.io.stdout.write(annotation("warning", event.message, { title: event.step, cwd: ctx.io.cwd }));
      if (event.type === "run_warning") ctx.io.stdout.write(annotation("warning", event.message, { cwd: ctx.io.cwd }));
    },
    close() {
      const path = ctx.io.env.GITHUB_STEP_SUMMARY;
      if (!path) return;
      const rows = [...state.steps.values()].map((s) => `| ${s.id} | ${s.status} | ${s.change ?? ""} | ${formatDuration(s.durationMs)} | ${s.error ? `${s.error.code}: ${s.error.message}` : ""} |`);
      const status = state.finished?.status ?? "unknown";
      appendFileSync(path, [`### computeflow ${state.mode}: ${status}`, "", "| step | result | change | time | error |", "| --- | --- | --- | --- | --- |", ...rows, ""].join("\n"));
    },
  };
}
