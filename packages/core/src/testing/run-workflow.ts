import type { Outputs } from "../plugin.js";
import { staticTokenCredential } from "../azure/credential.js";
import { runEngine } from "../runtime/engine.js";
import type { RunEvent, RunMode } from "../runtime/events.js";
import { loadWorkflow } from "../workflow/load-workflow.js";

/** The emulator, mode and flags runWorkflow runs a file with. */
export interface RunWorkflowOptions {
  endpoint: string;
  caCert: string;
  mode?: RunMode;
  env?: Record<string, string>;
  allowReplace?: boolean;
  resume?: boolean;
  concurrency?: number;
  /** Shrinks poll intervals and retry delays for a time-scaled emulator (default 0.05). */
  timeScale?: number;
}

/** How a runWorkflow run ended, with every event it emitted and each step's outputs. */
export interface RunWorkflowResult {
  status: string;
  events: RunEvent[];
  outputs: Record<string, Outputs>;
}

/**
 * Loads a workflow file and runs it through the real engine, in-process, against an
 * emulator. Invalid files reject with their problems in the message.
 */
export async function runWorkflow(file: string, opts: RunWorkflowOptions): Promise<RunWorkflowResult> {
  const env = { AZURE_SUBSCRIPTION_ID: "00000000-0000-0000-0000-000000000000", ...opts.env };
  const loaded = await loadWorkflow(file, { env, requireSecrets: true });
  if (!loaded.workflow) {
    const lines = loaded.problems.map((p) => `${p.location ? `${p.location.line}:${p.location.column}: ` : ""}error[${p.code}]: ${p.message}`);
    throw new Error(`${file} is invalid:\n${lines.join("\n")}`);
  }
  const scale = opts.timeScale ?? 0.05;
  const events: RunEvent[] = [];
  const result = await runEngine(loaded.workflow, {
    mode: opts.mode ?? "run",
    endpoint: opts.endpoint,
    caCert: opts.caCert,
    credential: staticTokenCredential(),
    allowReplace: opts.allowReplace ?? false,
    resume: opts.resume ?? false,
    ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
    timeScale: scale,
    poll: { initialIntervalMs: 1000 * scale, maxIntervalMs: 20_000 * scale },
    onEvent: (event) => events.push(event),
  });
  return { status: result.status, events, outputs: result.outputs };
}
