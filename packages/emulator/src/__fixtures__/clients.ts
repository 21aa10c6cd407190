import { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearningservices";
import type { TokenCredential } from "@azure/core-auth";
import { afterAll, beforeAll } from "vitest";
import { startEmulator } from "../server.js";
import type { EmulatorOptions, RunningEmulator } from "../types.js";

export const SUB = "00000000-0000-0000-0000-000000000000";
export const RG = "ml-rg";
export const WS = "ml-ws";

export const staticCredential: TokenCredential = {
  getToken: async () => ({ token: "test-token", expiresOnTimestamp: Date.now() + 3600_000 }),
};

/** Fast polling for the SDK's pollers against a time-scaled emulator. */
export const FAST = { updateIntervalInMs: 20 };

export function mlClient(em: RunningEmulator, subscription = SUB): AzureMachineLearningWorkspaces {
  return new AzureMachineLearningWorkspaces(staticCredential, subscription, {
    endpoint: em.endpoint,
    tlsOptions: { ca: em.caCert },
    retryOptions: { retryDelayInMs: 20, maxRetryDelayInMs: 200 },
  });
}

export function startFast(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ timeScale: 0.01, ssh: false, ...options });
}

/** properties.properties of an SDK ComputeResource, untyped. */
export function innerOf(resource: { properties?: unknown } | undefined): Record<string, unknown> {
  return ((resource?.properties as { properties?: Record<string, unknown> } | undefined)?.properties) ?? {};
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `read` until `done` holds (for states that move after the LRO finished). */
export async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, tries = 100): Promise<T> {
  let v = await read();
  for (let i = 0; i < tries && !done(v); i++) {
    await sleep(20);
    v = await read();
  }
  return v;
}

/** One emulator per test file: started before, closed after; read it through the getter. */
export function useEmulator(options: EmulatorOptions = {}): () => RunningEmulator {
  let em: RunningEmulator | undefined;
  beforeAll(async () => {
    em = await startFast(options);
  });
  afterAll(() => em?.close());
  return () => em!;
}
