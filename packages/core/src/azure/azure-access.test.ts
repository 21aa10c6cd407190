import { startEmulator, type RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { systemClock } from "../runtime/clock.js";
import { compileRetryPolicy, REQUEST_RETRY_POLICY } from "../runtime/retry-policy.js";
import { stepScope } from "../runtime/step-scope.js";
import { createAzureAccess } from "./azure-access.js";
import { resolveCloud } from "./clouds.js";
import { createCredential, staticTokenCredential } from "./credential.js";
import { ArmRateLimiter } from "./rate-limiter.js";
import type { WriteRecord } from "./request-gate.js";

const TIME_SCALE = 0.2;
const RETRY_AFTER_MS = 1000 * TIME_SCALE;
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ timeScale: TIME_SCALE, ssh: false });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

function access(writes: WriteRecord[] = []) {
  return createAzureAccess(accessOptions(writes));
}

function accessOptions(writes: WriteRecord[] = []) {
  return {
    subscriptionId: "00000000-0000-0000-0000-000000000000",
    credential: staticTokenCredential(),
    cloud: resolveCloud("AzureCloud"),
    endpoint: emu.endpoint,
    caCert: emu.caCert,
    emulator: true,
    gate: {
      clock: systemClock,
      limiter: new ArmRateLimiter(systemClock),
      retry: compileRetryPolicy({ ...REQUEST_RETRY_POLICY, initialDelayMs: 20, maxAttempts: 12 }),
      journalWrite: (r: WriteRecord) => writes.push(r),
    },
  };
}

const body = { location: "westeurope", properties: { computeType: "AmlCompute" as const, properties: { vmSize: "STANDARD_D2_V2", scaleSettings: { maxNodeCount: 1 } } } };

describe("AzureAccess through the request gate", () => {
  it("gets every request through 30% faults, sends nothing before a Retry-After expired, creates nothing twice", async () => {
    emu.setFaults("rate=0.3,seed=11,kinds=429+500+503+reset");
    const ml = await access().ml();
    for (let i = 0; i < 8; i++) await ml.computeOperations.beginCreateOrUpdate("ml-rg", "ml-ws", `gate-${i}`, body);
    for (let i = 0; i < 20; i++) await ml.computeOperations.get("ml-rg", "ml-ws", `gate-${i % 8}`);
    const log = emu.requests().filter((r) => !r.path.startsWith("/_emulator"));
    expect(log.filter((r) => r.fault).length).toBeGreaterThan(3);
    const creates = log.filter((r) => r.created).map((r) => r.path.split("?")[0]);
    expect(creates).toHaveLength(8);
    expect(new Set(creates).size).toBe(8);
    for (const [i, r] of log.entries()) {
      if (r.status !== 429 && !(r.status === 503 && r.fault)) continue;
      const next = log[i + 1];
      if (next) expect(Date.parse(next.time) - Date.parse(r.time)).toBeGreaterThanOrEqual(RETRY_AFTER_MS - 5);
    }
  });

  it("journals each write: intent before sending, result after, attributed to the step", async () => {
    const writes: WriteRecord[] = [];
    const ml = await access(writes).ml();
    await stepScope.run({ stepId: "cpu" }, () => ml.computeOperations.beginCreateOrUpdate("ml-rg", "ml-ws", "journaled", body));
    const puts = writes.filter((w) => w.method === "PUT");
    expect(puts.map((w) => [w.phase, w.step, w.status])).toEqual([
      ["intent", "cpu", undefined],
      ["result", "cpu", 201],
    ]);
  });

  it("surfaces ARM's error as a RestError the SDK raises (non-retryable responses pass through)", async () => {
    const ml = await access().ml();
    await expect(ml.computeOperations.get("ml-rg", "ml-ws", "does-not-exist")).rejects.toMatchObject({ statusCode: 404 });
  });

  it("asks the credential for a fresh token when the old one is about to expire (long runs keep working)", async () => {
    let issued = 0;
    const shortLived = { getToken: async () => ({ token: `t${++issued}`, expiresOnTimestamp: Date.now() + 1000 }) };
    const ml = await createAzureAccess({ ...accessOptions(), credential: shortLived }).ml();
    for (let i = 0; i < 3; i++) await ml.computeOperations.get("ml-rg", "ml-ws", "does-not-exist").catch(() => undefined);
    expect(issued).toBeGreaterThanOrEqual(3);
  });

  it("signs in for real with service-principal variables through DefaultAzureCredential against the emulator's token routes", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { AZURE_CLIENT_ID: "11111111-1111-1111-1111-111111111111", AZURE_TENANT_ID: "22222222-2222-2222-2222-222222222222", AZURE_CLIENT_SECRET: "sp-secret" });
    try {
      const credential = await createCredential({ cloud: resolveCloud(), env: process.env, emulator: { endpoint: emu.endpoint, caCert: emu.caCert } });
      expect(credential.constructor.name).toBe("DefaultAzureCredential");
      const token = await credential.getToken("https://management.azure.com/.default");
      expect(token?.token).toMatch(/^emulator\./);
      expect(emu.requests().some((r) => r.path.includes("/oauth2/v2.0/token"))).toBe(true);
    } finally {
      process.env = saved;
    }
  });

  it("send(): a raw request (an action's body() as it is) goes through the same gate and comes back whatever its status", async () => {
    emu.setFaults("rate=0.3,seed=5,kinds=429+500+503");
    const writes: WriteRecord[] = [];
    const azure = access(writes);
    const path = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ml-rg/providers/Microsoft.MachineLearningServices/workspaces/ml-ws/computes/raw-1";
    const put = await azure.send({ method: "PUT", path, apiVersion: "2021-07-01", body });
    expect(put.status).toBe(201);
    expect(JSON.parse(put.bodyAsText!).properties.properties.vmSize).toBe("STANDARD_D2_V2");
    expect(writes.map((w) => w.method)).toContain("PUT");
    for (let i = 0; i < 6; i++) {
      const missing = await azure.send({ method: "GET", path: path.replace("raw-1", `raw-none-${i}`), apiVersion: "2021-07-01" });
      expect(missing.status).toBe(404);
      expect(JSON.parse(missing.bodyAsText!).error.code).toBeTruthy();
    }
    const log = emu.requests().filter((r) => r.path.includes("/computes/raw-"));
    expect(log.some((r) => r.fault)).toBe(true);
    expect(log.filter((r) => r.created)).toHaveLength(1);
  });

  it("send() signs with the run's credential for the cloud's scope, without the ML client", async () => {
    const scopes: string[] = [];
    const credential = { getToken: async (scope: string | string[]) => (scopes.push(String(scope)), staticTokenCredential().getToken(scope)) };
    const azure = createAzureAccess({ ...accessOptions(), credential });
    const reply = await azure.send({ method: "GET", path: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ml-rg/providers/Microsoft.MachineLearningServices/workspaces/ml-ws", apiVersion: "2021-07-01" });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.bodyAsText!).name).toBe("ml-ws");
    expect(scopes).toEqual([resolveCloud("AzureCloud").scope]);
  });

  it("the ML client's pipeline has no form-data policy: its FormData check loaded Node's fetch on the first request", async () => {
    const policies = (await access().ml()).pipeline.getOrderedPolicies().map((p) => p.name);
    expect(policies).toContain("bearerTokenAuthenticationPolicy");
    expect(policies).not.toContain("formDataPolicy");
  });
});
