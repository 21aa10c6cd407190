import type { EngineOptions } from "@computeflow/core";
import { UsageError } from "./usage-error.js";

const TYPES = ["run_started", "step_started", "write", "step_outputs", "step_finished", "run_finished"];
const FORMAT = "TYPE:STEP[:N] or TYPE[:N] (TYPE: run_started, step_started, write, step_outputs, step_finished, run_finished)";

/**
 * COMPUTEFLOW_CRASH_AFTER=TYPE:STEP[:N], for crash-testing `run --resume`: once the N-th
 * (default first) journal record of that type and step is on disk, the process kills itself
 * with SIGKILL, as a power cut or the OOM killer would: nothing after it runs, no handler,
 * no cleanup. `write:STEP` is the intent of the step's first request that writes, `write:STEP:2`
 * its result. The boundary is a journal record, so the crash lands at the same place every time.
 */
export function crashAfterOption(env: NodeJS.ProcessEnv): Pick<EngineOptions, "onJournal"> {
  const raw = env.COMPUTEFLOW_CRASH_AFTER;
  if (raw === undefined || raw === "") return {};
  const parts = raw.split(":");
  const type = parts[0]!;
  const last = parts.at(-1)!;
  const count = parts.length > 1 && /^\d+$/.test(last) ? Number(last) : 1;
  const step = parts.length > 1 && !/^\d+$/.test(last) ? parts.slice(1).join(":") : parts.length > 2 ? parts.slice(1, -1).join(":") : undefined;
  if (!TYPES.includes(type) || count < 1) throw new UsageError(`COMPUTEFLOW_CRASH_AFTER must be ${FORMAT} (got "${raw}")`, "unset it: it is only for crash-testing --resume");
  let seen = 0;
  return {
    onJournal(recordType, recordStep) {
      if (recordType !== type || (step !== undefined && recordStep !== step)) return;
      if (++seen === count) process.kill(process.pid, "SIGKILL");
    },
  };
}
