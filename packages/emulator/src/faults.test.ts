import { beforeEach, describe, expect, it } from "vitest";
import { FAST, mlClient, RG, startFast, useEmulator, SUB, WS } from "./__fixtures__/clients.js";
import { plain } from "./__fixtures__/https.js";

const em = useEmulator();
beforeEach(() => {
  em().reset();
  em().setFaults(undefined);
});

const cluster = { properties: { computeType: "AmlCompute" as const, properties: { vmSize: "Standard_D2_v2", scaleSettings: { maxNodeCount: 1 } } } };
const gap = (a: string, b: string) => Date.parse(b) - Date.parse(a);

describe("faults, as an SDK client sees them", () => {
  it("429 carries Retry-After; the SDK waits that long and retries", async () => {
    em().setFaults("kinds=429,count=1,retry_after=30");
    const ws = await mlClient(em()).workspaces.get(RG, WS);
    expect(ws.name).toBe(WS);
    const [first, second] = em().requests();
    expect(first).toMatchObject({ status: 429, fault: "429" });
    expect(second).toMatchObject({ status: 200 });
    expect(gap(first!.time, second!.time)).toBeGreaterThanOrEqual(280);
  });

  it("a 429 during LRO polling is retried and the operation still completes", async () => {
    em().setFaults("kinds=429,count=1,match=computeOperationsStatus,retry_after=5");
    const c = await mlClient(em()).computeOperations.beginCreateOrUpdateAndWait(RG, WS, "polled", cluster, FAST);
    expect(c.properties?.provisioningState).toBe("Succeeded");
    expect(em().requests().some((r) => r.operation === "operations.status" && r.status === 429)).toBe(true);
  });

  it("500 and 503 are retried by the SDK's retry policy", async () => {
    em().setFaults("kinds=500,count=2");
    await mlClient(em()).workspaces.get(RG, WS);
    expect(em().requests().map((r) => r.status)).toEqual([500, 500, 200]);
    em().reset();
    em().setFaults("kinds=503,count=1,retry_after=5");
    await mlClient(em()).workspaces.get(RG, WS);
    expect(em().requests().map((r) => r.status)).toEqual([503, 200]);
  });

  it("persistent 500s end as a RestError with ARM's code once retries are spent", async () => {
    em().setFaults("kinds=500,rate=1");
    await expect(mlClient(em()).workspaces.get(RG, WS)).rejects.toMatchObject({ statusCode: 500, code: "InternalServerError" });
    expect(em().requests()).toHaveLength(4);
  });

  it("a connection reset is retried; nothing was created by the reset request", async () => {
    em().setFaults("kinds=reset,count=1,methods=PUT");
    const c = await mlClient(em()).computeOperations.beginCreateOrUpdateAndWait(RG, WS, "after-reset", cluster, FAST);
    expect(c.properties?.provisioningState).toBe("Succeeded");
    const puts = em().requests().filter((r) => r.method === "PUT");
    expect(puts.map((p) => [p.fault ?? "-", p.created ?? false])).toEqual([["reset", false], ["-", true]]);
  });

  it("a dropped response (request handled, connection cut) makes the SDK retry the PUT without a second create", async () => {
    em().setFaults("kinds=drop,count=1,methods=PUT");
    const c = await mlClient(em()).computeOperations.beginCreateOrUpdateAndWait(RG, WS, "after-drop", cluster, FAST);
    expect(c.properties?.provisioningState).toBe("Succeeded");
    const puts = em().requests().filter((r) => r.method === "PUT");
    expect(puts.map((p) => [p.fault ?? "-", p.status, p.created ?? false])).toEqual([["drop", 201, true], ["-", 201, false]]);
  });

  it("an operation fault ends the create Failed; a hang keeps it Creating", async () => {
    const client = mlClient(em());
    em().setFaults("kinds=fail,count=1");
    await expect(client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, "f1", cluster, FAST)).rejects.toThrow(/InternalServerError/);
    expect((await client.computeOperations.get(RG, WS, "f1")).properties?.provisioningState).toBe("Failed");
    em().setFaults("kinds=hang,count=1");
    const poller = await client.computeOperations.beginCreateOrUpdate(RG, WS, "h1", cluster, FAST);
    for (let i = 0; i < 5; i++) await poller.poll();
    expect(poller.isDone()).toBe(false);
    expect((await client.computeOperations.get(RG, WS, "h1")).properties?.provisioningState).toBe("Creating");
  });

  it("slow responses arrive late but intact", async () => {
    em().setFaults("kinds=slow,count=1,slow_ms=250");
    const started = Date.now();
    await mlClient(em()).workspaces.get(RG, WS);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    expect(em().requests()[0]).toMatchObject({ fault: "slow", status: 200 });
  });

  it("the same seed injects the same faults in the same places", async () => {
    const statuses = async () => {
      em().reset();
      em().setFaults("rate=0.5,seed=42,kinds=500+503+429");
      const out: number[] = [];
      for (let i = 0; i < 12; i++) out.push((await plain(em(), "GET", `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.MachineLearningServices/workspaces/${WS}?api-version=2021-07-01`, undefined, "t")).status);
      return out;
    };
    const a = await statuses();
    expect(a.filter((s) => s !== 200).length).toBeGreaterThan(0);
    expect(a.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(await statuses()).toEqual(a);
  });
});

describe("ARM request limits", () => {
  it("answers 429 SubscriptionRequestsThrottled with Retry-After when the read bucket is dry", async () => {
    const limited = await startFast({ armLimits: { readBucket: 2, readsPerSecond: 10 } });
    try {
      const path = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.MachineLearningServices/workspaces/${WS}?api-version=2021-07-01`;
      const r1 = await plain(limited, "GET", path, undefined, "t");
      const r2 = await plain(limited, "GET", path, undefined, "t");
      const r3 = await plain(limited, "GET", path, undefined, "t");
      expect([r1.status, r2.status, r3.status]).toEqual([200, 200, 429]);
      expect(r1.headers["x-ms-ratelimit-remaining-subscription-reads"]).toBe("1");
      expect(Number(r3.headers["retry-after-ms"])).toBeGreaterThan(0);
      expect(r3.json()).toMatchObject({ error: { code: "SubscriptionRequestsThrottled" } });
      const ws = await mlClient(limited).workspaces.get(RG, WS);
      expect(ws.name).toBe(WS);
    } finally {
      await limited.close();
    }
  });
});
