import type { ChangeKind, Progress, RunEvent, SerializedError, StepStatus } from "@computeflow/core";

export interface StepView {
  id: string;
  status: StepStatus;
  attempt: number;
  startedAt?: number;
  durationMs?: number;
  change?: ChangeKind | (string & {});
  summary?: string;
  /** Provisioning/allocation states seen, in order, without repeats. */
  transitions: string[];
  progress?: Progress;
  error?: SerializedError;
  files?: string[];
}

/** Folds events into one view per step, for the live view, the summary table and the job summary. */
export class RunState {
  readonly steps = new Map<string, StepView>();
  mode: string = "run";
  finished: Extract<RunEvent, { type: "run_finished" }> | undefined;
  interrupted: Extract<RunEvent, { type: "interrupted" }> | undefined;
  throttled = 0;

  apply(event: RunEvent): void {
    switch (event.type) {
      case "run_started":
        this.mode = event.mode;
        for (const id of event.steps) this.steps.set(id, { id, status: "pending", attempt: 0, transitions: [] });
        break;
      case "step_planned":
        Object.assign(this.view(event.step), { change: event.change, summary: event.summary });
        break;
      case "step_started":
        Object.assign(this.view(event.step), { status: "running", attempt: event.attempt, startedAt: this.view(event.step).startedAt ?? Date.parse(event.time) });
        break;
      case "step_progress": {
        const view = this.view(event.step);
        view.progress = { ...view.progress, ...event.progress };
        const state = event.progress.provisioningState ?? event.progress.state;
        if (state && view.transitions.at(-1) !== state) view.transitions.push(state);
        break;
      }
      case "step_finished":
        Object.assign(this.view(event.step), { status: event.status, durationMs: event.durationMs, error: event.error, files: event.files });
        break;
      case "request_throttled":
        this.throttled++;
        break;
      case "interrupted":
        this.interrupted = event;
        break;
      case "run_finished":
        this.finished = event;
        break;
      default:
        break;
    }
  }

  private view(id: string): StepView {
    let view = this.steps.get(id);
    if (!view) {
      view = { id, status: "pending", attempt: 0, transitions: [] };
      this.steps.set(id, view);
    }
    return view;
  }
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return "";
  if (ms < 1000) return `${ms}ms`;
  const s = ms / 1000;
  return s < 60 ? `${s.toFixed(1)}s` : `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, "0")}s`;
}

export function formatNodes(progress: Progress | undefined): string {
  const n = progress?.nodes;
  if (!n) return "";
  const parts = [`${n.current ?? 0}/${n.target ?? 0} nodes`];
  if (n.idle) parts.push(`${n.idle} idle`);
  if (n.running) parts.push(`${n.running} running`);
  if (n.preparing) parts.push(`${n.preparing} preparing`);
  if (n.unusable) parts.push(`${n.unusable} unusable`);
  return parts.join(", ");
}
