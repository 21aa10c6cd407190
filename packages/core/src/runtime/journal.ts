import { closeSync, existsSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { Outputs } from "../plugin.js";
import type { Redactor } from "./redactor.js";
import type { RunMode, SerializedError, StepStatus } from "./events.js";
import type { WriteRecord } from "../azure/request-gate.js";

export type JournalRecord =
  | { type: "run_started"; time: string; runId: string; mode: RunMode; workflow: string; resumedFrom?: string }
  | { type: "step_started"; time: string; step: string; attempt: number }
  /**
   * Outputs a step produced before it finished (an action hook returned them with an
   * operation still to poll), journaled at once so that a resumed run has them even when the
   * step must wait again. `carried`: copied from the journal of the run this one resumes.
   */
  | { type: "step_outputs"; time: string; step: string; outputs: Outputs; carried?: boolean }
  | { type: "step_finished"; time: string; step: string; status: StepStatus; outputs?: Outputs; error?: SerializedError; files?: string[]; resumed?: boolean }
  | ({ type: "write"; time: string } & WriteRecord)
  | { type: "run_finished"; time: string; status: string };

export const JOURNAL_DIR = ".computeflow";

/**
 * Append-only NDJSON, one file per run, written synchronously so that a process killed at
 * any instant leaves every line it wrote. Every line goes through the redactor.
 */
export class Journal {
  private fd: number | undefined;

  constructor(
    readonly path: string,
    private readonly redactor: Redactor,
    /** Called once each record is on disk, with its type and step (EngineOptions.onJournal). */
    private readonly written?: (type: JournalRecord["type"], step: string | undefined) => void,
  ) {
    this.fd = openSync(path, "a", 0o600);
  }

  static create(workflowDir: string, runId: string, redactor: Redactor, written?: (type: JournalRecord["type"], step: string | undefined) => void): Journal {
    const dir = join(workflowDir, JOURNAL_DIR);
    mkdirSync(join(dir, "runs"), { recursive: true });
    const ignore = join(dir, ".gitignore");
    if (!existsSync(ignore)) writeFileSync(ignore, "*\n");
    return new Journal(join(dir, "runs", `${runId}.ndjson`), redactor, written);
  }

  write(record: JournalRecord): void {
    if (this.fd === undefined) return;
    writeSync(this.fd, this.redactor.redact(JSON.stringify(record)) + "\n");
    this.written?.(record.type, "step" in record ? record.step : undefined);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** Sortable, unique enough for one workflow directory. */
export function newRunId(now: Date = new Date()): string {
  return `${now.toISOString().replace(/[-:.]/g, "")}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
}
