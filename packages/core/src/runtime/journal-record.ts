import type { JournalRecord } from "./journal.js";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isOutputValue = (v: unknown): boolean =>
  v === null || ["string", "number", "boolean"].includes(typeof v) || (Array.isArray(v) && v.every((x) => typeof x === "string"));

const isOutputs = (v: unknown): boolean => isRecord(v) && Object.values(v).every(isOutputValue);

/** The value as a journal record when it has the shape the reader relies on, else undefined. */
export function journalRecordOf(value: unknown): JournalRecord | undefined {
  if (!isRecord(value) || typeof value.type !== "string") return undefined;
  switch (value.type) {
    case "run_started":
      return typeof value.runId === "string" && typeof value.mode === "string" ? (value as JournalRecord) : undefined;
    case "step_started":
      return typeof value.step === "string" ? (value as JournalRecord) : undefined;
    case "step_finished":
      return typeof value.step === "string" && typeof value.status === "string" && (value.outputs === undefined || isOutputs(value.outputs)) ? (value as JournalRecord) : undefined;
    case "step_outputs":
      return typeof value.step === "string" && isOutputs(value.outputs) ? (value as JournalRecord) : undefined;
    case "write":
      return (value.phase === "intent" || value.phase === "result") && (value.step === undefined || typeof value.step === "string") ? (value as JournalRecord) : undefined;
    case "run_finished":
      return typeof value.status === "string" ? (value as JournalRecord) : undefined;
    default:
      return undefined;
  }
}
