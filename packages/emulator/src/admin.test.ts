import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mlClient, RG, startFast, useEmulator, WS } from "./__fixtures__/clients.js";
import { plain } from "./__fixtures__/https.js";

const em = useEmulator();

describe("/_emulator admin endpoints", () => {
  it("GET /_emulator/requests lists ARM requests with method, path+query, status, time; admin calls are not logged", async () => {
    await mlClient(em()).workspaces.get(RG, WS);
    const res = await plain(em(), "GET", "/_emulator/requests");
    const log = res.json() as Array<Record<string, unknown>>;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ method: "GET", status: 200, path: expect.stringMatching(/\/workspaces\/ml-ws\?api-version=2021-07-01$/), operation: "workspaces.get" });
    expect(Number.isNaN(Date.parse(String(log[0]!.time)))).toBe(false);
    expect(res.headers["x-ms-request-id"]).toBeDefined();
    expect(log).toEqual(em().requests());
  });

  it("POST /_emulator/faults sets and clears faults at run time; a bad spec is a 400", async () => {
    const set = await plain(em(), "POST", "/_emulator/faults", { spec: "kinds=503,count=1,retry_after=1" });
    expect(set.json()).toMatchObject({ kinds: ["503"], count: 1 });
    expect((await plain(em(), "GET", "/_emulator/faults")).json()).toMatchObject({ kinds: ["503"] });
    await mlClient(em()).workspaces.get(RG, WS);
    expect(em().requests().slice(-2).map((r) => r.status)).toEqual([503, 200]);
    const bad = await plain(em(), "POST", "/_emulator/faults", { spec: "kinds=teapot" });
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: "InvalidFaultSpec" } });
    await plain(em(), "POST", "/_emulator/faults", { spec: null });
    expect((await plain(em(), "GET", "/_emulator/faults")).json()).toBeNull();
  });

  it("POST /_emulator/reset restores the initial world and clears the log", async () => {
    const client = mlClient(em());
    await client.computeOperations.beginCreateOrUpdate(RG, WS, "tmp", { properties: { computeType: "AmlCompute", properties: { scaleSettings: { maxNodeCount: 1 } } } });
    expect((await plain(em(), "POST", "/_emulator/reset")).status).toBe(204);
    expect(em().requests()).toEqual([]);
    await expect(client.computeOperations.get(RG, WS, "tmp")).rejects.toMatchObject({ statusCode: 404 });
  });

  it("answers ARM's errors for unknown routes and missing api-version", async () => {
    const unknown = await plain(em(), "GET", "/subscriptions/x/providers/Microsoft.Nope/things?api-version=1", undefined, "t");
    expect(unknown.status).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: "InvalidResourceType" } });
    const noVersion = await plain(em(), "GET", `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/${RG}/providers/Microsoft.MachineLearningServices/workspaces/${WS}`, undefined, "t");
    expect(noVersion.json()).toMatchObject({ error: { code: "MissingApiVersionParameter" } });
  });
});

describe("api-versions", () => {
  it("Machine Learning routes serve the SDK's 2021-07-01 only, with ARM's NoRegisteredProviderFound otherwise", async () => {
    const res = await plain(em(), "GET", `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/${RG}/providers/Microsoft.MachineLearningServices/workspaces/${WS}?api-version=2019-01-01`, undefined, "t");
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: "NoRegisteredProviderFound", message: expect.stringContaining("2021-07-01") } });
  });
});

describe("files", () => {
  it("writes the CA into dataDir and leaves a given dataDir in place on close", async () => {
    const dir = mkdtempSync(join(tmpdir(), "emu-data-"));
    const own = await startFast({ dataDir: dir });
    expect(own.caCertPath).toBe(join(dir, "ca.pem"));
    expect(readFileSync(own.caCertPath, "utf8")).toBe(own.caCert);
    await own.close();
    expect(existsSync(own.caCertPath)).toBe(true);
    const temp = await startFast();
    await temp.close();
    expect(existsSync(temp.caCertPath)).toBe(false);
  });
});
