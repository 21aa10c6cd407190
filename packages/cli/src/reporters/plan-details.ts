import type { RunEvent } from "@computeflow/core";

/** The field diff and notes under a planned step, as `computeflow plan` prints them. */
export function planDetails(event: Extract<RunEvent, { type: "step_planned" }>): string[] {
  const lines: string[] = [];
  for (const change of event.diff ?? []) {
    lines.push(`    ${change.immutable ? "!" : "~"} ${change.path}: ${show(change.from)} -> ${show(change.to)}${change.immutable ? " (immutable: needs replace)" : ""}`);
  }
  if (event.change === "replace-required") lines.push("    refused unless you pass --allow-replace");
  for (const note of event.notes ?? []) lines.push(`    note: ${note}`);
  if (event.hint) lines.push(`    hint: ${event.hint}`);
  return lines;
}

function show(value: unknown): string {
  return value === undefined ? "(unset)" : JSON.stringify(value);
}
