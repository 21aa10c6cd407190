import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Outputs } from "../plugin.js";
import { JOURNAL_DIR, type JournalRecord } from "./journal.js";
import { journalRecordOf } from "./journal-record.js";

export interface PreviousRun {
  runId: string;
  mode: string;
  /** run_finished's status; undefined when the process died first. */
  finished?: string;
  /** Steps that succeeded (or were no-ops), with their recorded outputs. */
  succeeded: Map<string, Outputs>;
  /** Steps with a write sent and no result recorded: possibly still running server-side. */
  inFlight: Set<string>;
  /**
   * Every output the run journaled for each step, whether the step finished or not (a
   * `step_outputs` record, then its `step_finished`); later records win key by key, but a
   * null never replaces a value known earlier.
   */
  journaled: Map<string, Outputs>;
  /** Files each step wrote or kept (configure-run), relative to the workflow directory. */
  files: Map<string, string[]>;
}

/** The last run, and a warning for each journal line that could not be trusted. */
export interface JournalReading {
  previous?: PreviousRun;
  warnings: string[];
}

/**
 * The newest journal beside the workflow (of `mode` when given). A line that is not a record
 * (torn by a kill, edited, binary) is skipped with a warning naming file and line; the rest
 * of the journal is still used.
 */
export function readLastRun(workflowDir: string, mode?: string): JournalReading {
  const dir = join(workflowDir, JOURNAL_DIR, "runs");
  const warnings: string[] = [];
  if (!existsSync(dir)) return { warnings };
  const files = readdirSync(dir).filter((f) => f.endsWith(".ndjson")).sort().reverse();
  for (const file of files) {
    const shown = join(JOURNAL_DIR, "runs", file);
    const records = parse(readFileSync(join(dir, file), "utf8"), shown, warnings);
    const start = records.find((r) => r.type === "run_started");
    if (start?.type !== "run_started") {
      warnings.push(`${shown}: no run_started record; the journal is ignored`);
      continue;
    }
    if (mode !== undefined && start.mode !== mode) continue;
    return { previous: summarise(file.replace(/\.ndjson$/, ""), start.mode, records), warnings };
  }
  return { warnings };
}

function parse(text: string, shown: string, warnings: string[]): JournalRecord[] {
  const records: JournalRecord[] = [];
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      // The last line of a journal killed mid-write is expected to be torn.
      const torn = i === lines.length - 1;
      warnings.push(`${shown}:${i + 1}: ${torn ? "the last line is cut short (the run was killed while writing it)" : "not JSON"}; skipped`);
      return;
    }
    const record = journalRecordOf(value);
    if (record) records.push(record);
    else warnings.push(`${shown}:${i + 1}: not a journal record; skipped`);
  });
  return records;
}

/** Later outputs win, except that null ("could not tell") never replaces a value known earlier. */
function known(earlier: Outputs | undefined, later: Outputs): Outputs {
  const merged = { ...earlier };
  for (const [key, value] of Object.entries(later)) if (value !== null || merged[key] === undefined) merged[key] = value;
  return merged;
}

function summarise(runId: string, mode: string, records: JournalRecord[]): PreviousRun {
  const succeeded = new Map<string, Outputs>();
  const files = new Map<string, string[]>();
  const pending = new Map<string, number>();
  const journaled = new Map<string, Outputs>();
  for (const r of records) {
    if ((r.type === "step_outputs" || r.type === "step_finished") && r.outputs) journaled.set(r.step, known(journaled.get(r.step), r.outputs));
    if (r.type === "step_finished" && (r.status === "succeeded" || r.status === "noop")) succeeded.set(r.step, r.outputs ?? {});
    if (r.type === "step_finished" && r.files?.length) files.set(r.step, r.files);
    if (r.type === "write" && r.step) pending.set(r.step, (pending.get(r.step) ?? 0) + (r.phase === "intent" ? 1 : -1));
  }
  const inFlight = new Set([...pending].filter(([step, n]) => n > 0 && !succeeded.has(step)).map(([step]) => step));
  const finished = records.find((r) => r.type === "run_finished");
  return { runId, mode, succeeded, inFlight, journaled, files, ...(finished?.type === "run_finished" ? { finished: finished.status } : {}) };
}
