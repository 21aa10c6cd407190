import type { TokenCredential } from "@azure/core-auth";
import { resolveCloud } from "../azure/clouds.js";
import { createCredential } from "../azure/credential.js";
import { checkEndpoint, signInOnce } from "../azure/preflight.js";
import type { EngineWorkflow } from "./engine-types.js";
import type { EngineOptions } from "./engine-options.js";
import type { PreviousRun } from "./journal-reader.js";
import { acquireRunLock } from "./run-lock.js";
import { MODES } from "./run-modes.js";

/** What a run may start with once nothing stands in its way. */
export interface RunGuard {
  /** The journal a resume (or destroy) continues from. */
  previous?: PreviousRun;
  credential: TokenCredential;
  /** Said once the run has started: a stale lock taken over, journal lines skipped. */
  warnings: string[];
  release(): void;
}

/**
 * Everything that can stop a run before its first step, each failing once and fast: the
 * workflow's lock (E_LOCKED), sign-in (E_AUTH) and the endpoint (E_ENDPOINT). Plan takes no lock.
 */
export async function guardRun(workflow: EngineWorkflow, options: EngineOptions): Promise<RunGuard> {
  const mode = MODES[options.mode];
  const lock = mode.writes ? acquireRunLock(workflow.dir, workflow.file, options.mode) : undefined;
  try {
    const warnings: string[] = [];
    if (lock?.tookOver) {
      const t = lock.tookOver;
      warnings.push(`took over the lock of an earlier ${t.mode} (pid ${t.pid} on ${t.host}, started ${t.startedAt}) that is no longer running`);
    }
    const reading = mode.readPrevious(workflow.dir, options.resume ?? false);
    warnings.push(...reading.warnings);
    const cloud = resolveCloud(options.cloud);
    const env = options.env ?? process.env;
    const emulator = options.endpoint && options.caCert ? { endpoint: options.endpoint, caCert: options.caCert } : undefined;
    const credential = options.credential ?? (await createCredential({ cloud, env, ...(emulator ? { emulator } : {}) }));
    // A workflow of local steps only needs no Azure; an injected credential without an endpoint is an engine under test.
    const needsAzure = workflow.steps.some((s) => s.plugin.usesAzure !== false) && (options.endpoint !== undefined || options.credential === undefined);
    const signedIn = needsAzure ? await signInOnce(credential, cloud.scope) : credential;
    if (needsAzure) await checkEndpoint(options.endpoint ?? cloud.resourceManager, env);
    const previous = reading.previous;
    return { ...(previous ? { previous } : {}), credential: signedIn, warnings, release: () => lock?.release() };
  } catch (e) {
    lock?.release();
    throw e;
  }
}
