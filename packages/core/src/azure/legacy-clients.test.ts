import { BatchManagementClient } from "@azure/arm-batch";
import { DataLakeAnalyticsAccountManagementClient } from "@azure/arm-datalake-analytics";
import { startEmulator, type RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../runtime/clock.js";
import { compileRetryPolicy, REQUEST_RETRY_POLICY } from "../runtime/retry-policy.js";
import { createAzureAccess } from "./azure-access.js";
import { resolveCloud } from "./clouds.js";
import { staticTokenCredential } from "./credential.js";
import { ArmRateLimiter } from "./rate-limiter.js";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ timeScale: 0.05, ssh: false });
});
afterAll(() => emu.close());

const subscription = "00000000-0000-0000-0000-000000000000";
const access = () =>
  createAzureAccess({
    subscriptionId: subscription,
    credential: staticTokenCredential(),
    cloud: resolveCloud(),
    endpoint: emu.endpoint,
    caCert: emu.caCert,
    emulator: true,
    gate: { clock: systemClock, limiter: new ArmRateLimiter(systemClock), retry: compileRetryPolicy({ ...REQUEST_RETRY_POLICY, initialDelayMs: 10 }) },
  });

describe("clients of other SDK generations share the gate", () => {
  it("arm-datalake-analytics (ms-rest-js) gets through throttling with core retrying, not the SDK", async () => {
    emu.reset();
    emu.setFaults("count=2,kinds=429,match=accounts/mladla");
    const client = new DataLakeAnalyticsAccountManagementClient(staticTokenCredential() as never, subscription, access().legacyClientOptions() as never);
    const account = await client.accounts.get("ml-rg", "mladla");
    expect(account.name).toBe("mladla");
    const tries = emu.requests().filter((r) => r.path.includes("/accounts/mladla"));
    expect(tries.map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it("arm-batch (core-client) uses clientOptions: endpoint, ARM scope, TLS trust and the gate", async () => {
    emu.reset();
    emu.setFaults("count=1,kinds=503,match=batchAccounts");
    const client = new BatchManagementClient(staticTokenCredential(), subscription, access().clientOptions());
    const account = await client.batchAccountOperations.get("ml-rg", "mlbatch");
    expect(account.name).toBe("mlbatch");
    expect(emu.requests().filter((r) => r.path.includes("/batchAccounts/mlbatch")).map((r) => r.status)).toEqual([503, 200]);
  });
});
