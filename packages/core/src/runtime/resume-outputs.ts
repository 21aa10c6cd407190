import type { Outputs } from "../plugin.js";
import type { EngineStep } from "./engine-types.js";
import type { PreviousRun } from "./journal-reader.js";
import type { RunContext } from "./run-context.js";

/**
 * Resume is exact: every output a later step reads is either in the journal (journaled when
 * the step produced it) or produced again by running the step again. Nothing unknown is
 * handed on as if it were known.
 */

/** Producer step id -> output key -> the steps that read it by expression. */
export type OutputReaders = ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;

export function outputReaders(steps: readonly EngineStep[]): OutputReaders {
  const readers = new Map<string, Map<string, string[]>>();
  for (const step of steps) {
    for (const read of step.reads ?? []) {
      const byKey = readers.get(read.step) ?? new Map<string, string[]>();
      byKey.set(read.output, [...(byKey.get(read.output) ?? []), step.id]);
      readers.set(read.step, byKey);
    }
  }
  return readers;
}

/**
 * Why a step the journal records as done must run again: the outputs later steps read that
 * its journaled outputs lack ("name (read by dsvm-run)"); empty when the record is complete.
 */
export function missingReads(stepId: string, recorded: Outputs, readers: OutputReaders): string[] {
  return [...(readers.get(stepId) ?? [])].filter(([key]) => !Object.hasOwn(recorded, key)).map(([key, by]) => `${key} (read by ${by.join(", ")})`);
}

/**
 * A step run again on resume: outputs it cannot tell now (absent, or null for "unknown") are
 * taken from what the earlier run journaled. Returns the outputs and the keys so taken.
 */
export function completeOutputs(fresh: Outputs, journaled: Outputs | undefined): { outputs: Outputs; fromJournal: string[] } {
  const outputs = { ...fresh };
  const fromJournal: string[] = [];
  for (const [key, value] of Object.entries(journaled ?? {})) {
    if (value === null || (outputs[key] !== undefined && outputs[key] !== null)) continue;
    outputs[key] = value;
    fromJournal.push(key);
  }
  return { outputs, fromJournal };
}

/** Journals outputs a step produced before finishing, so that a kill before it finishes loses none. */
export function journalEarlyOutputs(run: RunContext, step: EngineStep, outputs: Outputs | undefined): void {
  if (outputs && Object.keys(outputs).length > 0) run.journal?.write({ type: "step_outputs", time: run.now(), step: step.id, outputs });
}

/**
 * At the start of a resumed run: the outputs the earlier run journaled for steps it did not
 * finish are copied into this run's journal, so a second kill and resume still has them.
 */
export function carryJournaledOutputs(run: RunContext, previous: PreviousRun): void {
  for (const [step, outputs] of previous.journaled) {
    if (!previous.succeeded.has(step)) run.journal?.write({ type: "step_outputs", time: run.now(), step, outputs, carried: true });
  }
}
