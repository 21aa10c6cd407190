import type { ArmErrorDetail, Problem } from "@computeflow/core";
import { formatProblem } from "../render-problems.js";
import { plain } from "../style.js";
import type { ReporterContext } from "./reporter.js";
import { formatDuration, type RunState, type StepView } from "./run-state.js";

/** The table printed at the end of every human-readable run, plan or destroy. */
export function renderSummary(state: RunState, ctx: ReporterContext): string {
  const steps = [...state.steps.values()];
  const plan = state.mode === "plan";
  const header = plan ? ["STEP", "CHANGE", "SUMMARY"] : ["STEP", "RESULT", "CHANGE", "TIME", "STATES"];
  const rows = steps.map((s) =>
    plan
      ? [s.id, s.change ?? (s.status === "failed" ? "error" : "-"), s.summary ?? s.error?.message ?? ""]
      : [s.id, s.status, s.change ?? "", formatDuration(s.durationMs), s.transitions.join(" > ")],
  );
  const lines = [table([header, ...rows])];
  for (const s of steps) lines.push(...errorLines(s, ctx));
  if (state.throttled > 0) lines.push(`Azure throttled ${state.throttled} request${state.throttled === 1 ? "" : "s"}; each was retried after its Retry-After`);
  const finished = state.finished;
  if (finished) {
    const counts = countBy(steps.map((s) => (plan ? (s.status === "failed" && !s.change ? "error" : (s.change ?? "unknown")) : s.status)));
    const unchanged = !plan && steps.length > 0 && steps.every((s) => s.status === "noop" || s.status === "skipped");
    lines.push(
      `${state.mode} ${finished.status} in ${formatDuration(finished.durationMs)}: ${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(", ")}` +
        (unchanged ? " (nothing changed)" : ""),
    );
  }
  return `\n${lines.join("\n")}\n`;
}

function errorLines(step: StepView, ctx: ReporterContext): string[] {
  const { error } = step;
  if (!error) return [];
  // Azure's own error details go between the message and the hint.
  const message = [`step ${step.id}: ${error.message}`, ...(error.arm ?? []).flatMap((detail) => armLines(detail, "  "))].join("\n");
  const location = ctx.locations[step.id];
  const problem: Problem = { severity: "error", code: error.code, message, ...(error.hint ? { hint: error.hint } : {}), ...(location ? { location } : {}) };
  return [formatProblem(problem, ctx.io.cwd, plain).slice(0, -1)];
}

function armLines(detail: ArmErrorDetail, indent: string): string[] {
  const lines = [`${indent}${detail.code}: ${detail.message}${detail.target ? ` (target ${detail.target})` : ""}`];
  for (const inner of detail.details ?? []) lines.push(...armLines(inner, `${indent}  `));
  return lines;
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join("  ").trimEnd()).join("\n");
}
