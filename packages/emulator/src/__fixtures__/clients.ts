import { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearningservices";
import type { TokenCredential } from "@azure/core-auth";
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
