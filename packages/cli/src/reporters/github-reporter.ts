import { appendFileSync } from "node:fs";
import { relative } from "node:path";
import type { Reporter, ReporterContext } from "./reporter.js";
import { formatDuration, RunState } from "./run-state.js";

/** GITHUB_ACTIONS=true: `::error file=...,line=...::` annotations and a job summary in $GITHUB_STEP_SUMMARY. */
export function githubReporter(ctx: ReporterContext): Reporter {
  const state = new RunState();
  return {
    onEvent(event) {
      state.apply(event);
      if (event.type === "step_finished" && event.status === "failed" && event.error) {
        const loc = ctx.locations[event.step];
        const props = [...(loc ? [`file=${escapeProperty(relative(ctx.io.cwd, loc.file))}`, `line=${loc.line}`, `col=${loc.column}`] : []), `title=${escapeProperty(`${event.error.code} in ${event.step}`)}`];
        ctx.io.stdout.write(`::error ${props.join(",")}::${escapeData(event.error.message)}\n`);
      }
      if (event.type === "step_log" && event.level === "warn") ctx.io.stdout.write(`::warning title=${escapeProperty(event.step)}::${escapeData(event.message)}\n`);
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

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
