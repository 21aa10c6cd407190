import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Outputs } from "../plugin.js";
import { JOURNAL_DIR, type JournalRecord } from "./journal.js";

export interface PreviousRun {
  runId: string;
  mode: string;
  /** run_finished's status; undefined when the process died first. */
  finished?: string;
  /** Steps that succeeded (or were no-ops), with their recorded outputs. */
  succeeded: Map<string, Outputs>;
  /** Steps with a write sent and no result recorded: possibly still running server-side. */
  inFlight: Set<string>;
  /** Files each step wrote or kept (configure-run), relative to the workflow directory. */
  files: Map<string, string[]>;
}

/** The newest journal beside the workflow (of `mode` when given). Tolerates a torn last line. */
export function readLastRun(workflowDir: string, mode?: string): PreviousRun | undefined {
  const dir = join(workflowDir, JOURNAL_DIR, "runs");
  if (!existsSync(dir)) return undefined;
  const files = readdirSync(dir).filter((f) => f.endsWith(".ndjson")).sort().reverse();
  for (const file of files) {
    const records = parse(readFileSync(join(dir, file), "utf8"));
    const start = records.find((r) => r.type === "run_started");
    if (start?.type !== "run_started" || (mode !== undefined && start.mode !== mode)) continue;
    return summarise(file.replace(/\.ndjson$/, ""), start.mode, records);
  }
  return undefined;
}

function parse(text: string): JournalRecord[] {
  const records: JournalRecord[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      records.push(JSON.parse(line) as JournalRecord);
    } catch {
      // a line torn by a kill mid-write carries nothing we can trust
    }
  }
  return records;
}

function summarise(runId: string, mode: string, records: JournalRecord[]): PreviousRun {
  const succeeded = new Map<string, Outputs>();
  const files = new Map<string, string[]>();
  const pending = new Map<string, number>();
  for (const r of records) {
    if (r.type === "step_finished" && (r.status === "succeeded" || r.status === "noop")) succeeded.set(r.step, r.outputs ?? {});
    if (r.type === "step_finished" && r.files?.length) files.set(r.step, r.files);
    if (r.type === "write" && r.step) pending.set(r.step, (pending.get(r.step) ?? 0) + (r.phase === "intent" ? 1 : -1));
  }
  const inFlight = new Set([...pending].filter(([step, n]) => n > 0 && !succeeded.has(step)).map(([step]) => step));
  const finished = records.find((r) => r.type === "run_finished");
  return { runId, mode, succeeded, inFlight, files, ...(finished?.type === "run_finished" ? { finished: finished.status } : {}) };
}
