import type { RunEvent } from "@computeflow/core";
import { styleFor, type Style } from "../style.js";
import { describeEvent } from "./describe-event.js";
import { planDetails } from "./plan-details.js";
import type { Reporter, ReporterContext } from "./reporter.js";
import { formatDuration, formatNodes, RunState, type StepView } from "./run-state.js";
import { renderSummary } from "./summary-table.js";

const SPINNER = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/** Interactive terminal: one live line per step, redrawn in place; messages scroll above it. */
export function ttyReporter(ctx: ReporterContext, frameMs = 100): Reporter {
  const state = new RunState();
  const style = styleFor(ctx.io, ctx.color);
  const out = ctx.io.stdout;
  let drawn = 0;
  let frame = 0;
  const timer = setInterval(() => redraw(), frameMs);
  timer.unref();

  function clear(): void {
    if (drawn > 0) out.write(`\u001b[${drawn}A\u001b[0J`);
    drawn = 0;
  }

  function redraw(): void {
    frame++;
    clear();
    // Rows fit the terminal (a wrapped row, or more rows than the screen, would push each
    // redraw into the scrollback, since the cursor cannot move back above the screen's top).
    const width = columns(out);
    const lines = visible([...state.steps.values()], liveRows(out)).map((s) => fit(typeof s === "string" ? style.dim(s) : line(s, frame, style), width));
    if (lines.length) out.write(`${lines.join("\n")}\n`);
    drawn = lines.length;
  }

  return {
    onEvent(event: RunEvent) {
      state.apply(event);
      if (event.type === "step_log" || event.type === "step_retry" || event.type === "interrupted" || event.type === "run_warning") {
        const text = describeEvent(event);
        if (text) {
          clear();
          out.write(`${(event.type === "step_log" && event.level === "warn") || event.type === "run_warning" ? style.yellow(text) : text}\n`);
        }
      }
      if (event.type === "step_planned" && state.mode === "plan") {
        clear();
        out.write([describeEvent(event), ...planDetails(event)].join("\n") + "\n");
      }
      redraw();
    },
    close() {
      clearInterval(timer);
      redraw();
      out.write(renderSummary(state, ctx));
    },
  };
}

function line(step: StepView, frame: number, style: Style): string {
  const icon =
    step.status === "running"
      ? SPINNER[frame % SPINNER.length]!
      : step.status === "succeeded"
        ? style.green("✓")
        : step.status === "noop"
          ? style.dim("=")
          : step.status === "failed"
            ? style.red("✗")
            : step.status === "pending"
              ? style.dim("·")
              : style.dim("-");
  const elapsed = step.status === "running" && step.startedAt ? formatDuration(Date.now() - step.startedAt) : formatDuration(step.durationMs);
  const detail = [step.change, step.transitions.join(" > "), formatNodes(step.progress), step.attempt > 1 ? `attempt ${step.attempt}` : ""].filter(Boolean).join("  ");
  return `${icon} ${step.id.padEnd(20)} ${step.status.padEnd(9)} ${elapsed.padStart(7)}  ${style.dim(detail)}`;
}

/** Rows the live view may use: the screen's height less one (the cursor's line), at least one. */
export function liveRows(out: NodeJS.WritableStream): number {
  const rows = (out as { rows?: number }).rows;
  return Math.max(1, Math.min((rows ?? 30) - 1, 40));
}

function columns(out: NodeJS.WritableStream): number {
  return (out as { columns?: number }).columns ?? 120;
}

/** Cuts `text` to `width - 1` visible characters (ANSI styles do not count), so it never wraps. */
export function fit(text: string, width: number): string {
  const limit = Math.max(1, width - 1);
  let visibleCount = 0;
  let out = "";
  let styled = false;
  for (let i = 0; i < text.length; ) {
    const escape = /^\u001b\[[0-9;]*m/.exec(text.slice(i, i + 16));
    if (escape) {
      out += escape[0];
      styled = escape[0] !== "\u001b[0m" && escape[0] !== "\u001b[39m" && escape[0] !== "\u001b[22m";
      i += escape[0].length;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i)!);
    if (visibleCount === limit) return `${out}${styled ? "\u001b[0m" : ""}`;
    out += char;
    visibleCount++;
    i += char.length;
  }
  return out;
}

/** Every step when they fit; otherwise the running and failed ones and a count of the rest. */
export function visible(steps: StepView[], rows: number): (StepView | string)[] {
  if (steps.length <= rows) return steps;
  const shown = steps.filter((s) => s.status === "running" || s.status === "failed").slice(0, rows - 1);
  const counts = new Map<string, number>();
  for (const s of steps) if (!shown.includes(s)) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
  return [...shown, `  ... ${[...counts].map(([status, n]) => `${n} ${status}`).join(", ")}`];
}
