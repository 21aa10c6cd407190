import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "./types.js";
import type { World } from "./world/world-types.js";
import { plain, type PlainResponse } from "./__fixtures__/https.js";
import { shapeMismatches } from "./__fixtures__/shape.js";
import { sleep } from "./__fixtures__/clients.js";
import { startEmulator } from "./server.js";

interface Example {
  parameters: Record<string, unknown> & { parameters?: unknown };
  responses: Record<string, { body?: unknown; headers?: Record<string, string> }>;
}

const dir = new URL("./__fixtures__/examples/", import.meta.url);
const load = (rel: string): Example => JSON.parse(readFileSync(new URL(rel, dir), "utf8")) as Example;
const createExamples = readdirSync(new URL("2021-07-01/Compute/createOrUpdate/", dir)).filter((f) => f.endsWith(".json"));

/** A world holding exactly what the official examples name. */
const world: World = {
  subscriptions: [
    {
      id: "34adfa4f-cedf-4dc0-ba29-b6d1a69ab345",
      resource_groups: [
        { name: "testrg123", location: "eastus", workspaces: [{ name: "workspaces123" }], aks_clusters: [{ name: "compute123-56826-c9b00420020b2" }] },
        { name: "contosorg", location: "eastus2", datalake_analytics_accounts: [{ name: "contosoadla" }] },
      ],
    },
    { id: "subid", resource_groups: [{ name: "default-azurebatch-japaneast", location: "japaneast", batch_accounts: [{ name: "sampleacct", auto_storage: "samplestorage" }] }] },
  ],
};

const computePath = (p: Example["parameters"]) =>
  `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroupName}/providers/Microsoft.MachineLearningServices/workspaces/${p.workspaceName}/computes/${p.computeName}`;

/**
 * Where recordings of real Azure sessions contradict the 2021-07-01 examples, the recordings
 * win (fixtures/recorded, README "Fidelity"): Azure sends no Location header on delete,
 * start and restart, and answers a repeated PUT with 201, not 200.
 */
const CONTRADICTED_BY_RECORDINGS = new Set(["location"]);

function expectLike(example: Example, res: PlainResponse): void {
  const expected = example.responses[String(res.status)];
  expect(expected, `status ${res.status} is one the example documents (${Object.keys(example.responses).join(", ")})`).toBeDefined();
  for (const header of Object.keys(expected!.headers ?? {})) {
    if (CONTRADICTED_BY_RECORDINGS.has(header.toLowerCase())) expect(res.headers[header.toLowerCase()], header).toBeUndefined();
    else expect(res.headers[header.toLowerCase()], header).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/subscriptions\//);
  }
  if (expected!.body !== undefined && Object.keys(expected!.body as object).length > 0) {
    expect(shapeMismatches(expected!.body, res.json())).toEqual([]);
  }
}

async function waitFor(em: RunningEmulator, res: PlainResponse): Promise<void> {
  const url = res.headers["azure-asyncoperation"];
  if (!url) return;
  for (let i = 0; i < 200; i++) {
    const status = (await plain(em, "GET", url.slice(em.endpoint.length), undefined, "t")).json() as { status: string };
    if (status.status !== "InProgress") return;
    await sleep(10);
  }
  throw new Error(`operation did not finish: ${url}`);
}

let em: RunningEmulator;
beforeAll(async () => {
  em = await startEmulator({ world, timeScale: 0.01, ssh: false });
});
beforeEach(() => em.reset());
afterAll(() => em.close());

describe("official examples replayed against the emulator (same keys and JSON types)", () => {
  it.each(createExamples)("createOrUpdate/%s: 201 on create, and 201 on a repeated PUT (recorded; the example says 200)", async (file) => {
    const ex = load(`2021-07-01/Compute/createOrUpdate/${file}`);
    const path = `${computePath(ex.parameters)}?api-version=${ex.parameters["api-version"]}`;
    const created = await plain(em, "PUT", path, ex.parameters.parameters, "t");
    expect(created.status).toBe(201);
    expectLike(ex, created);
    const again = await plain(em, "PUT", path, ex.parameters.parameters, "t");
    expect(again.status).toBe(201);
    expectLike(ex, again);
    expect(em.requests().filter((r) => r.created)).toHaveLength(1);
  });

  it("restart.json, start.json and delete.json on a compute instance", async () => {
    const ci = load("2021-07-01/Compute/createOrUpdate/ComputeInstanceMinimal.json");
    const base = computePath(ci.parameters);
    const q = "?api-version=2021-07-01";
    await waitFor(em, await plain(em, "PUT", base + q, ci.parameters.parameters, "t"));
    const restart = await plain(em, "POST", `${base}/restart${q}`, undefined, "t");
    expectLike(load("2021-07-01/Compute/restart.json"), restart);
    await waitFor(em, restart);
    await waitFor(em, await plain(em, "POST", `${base}/stop${q}`, undefined, "t"));
    const start = await plain(em, "POST", `${base}/start${q}`, undefined, "t");
    expect(start.status).toBe(202);
    expectLike(load("2021-07-01/Compute/start.json"), start);
    await waitFor(em, start);
    const del = load("2021-07-01/Compute/delete.json");
    const deleted = await plain(em, "DELETE", `${base}${q}&underlyingResourceAction=${del.parameters.underlyingResourceAction}`, undefined, "t");
    expect(deleted.status).toBe(202);
    expectLike(del, deleted);
    await waitFor(em, deleted);
    expect((await plain(em, "GET", base + q, undefined, "t")).status).toBe(404);
  });

  it.each([
    ["related/batch-2024-02-01/BatchAccountGet.json", "Microsoft.Batch/batchAccounts"],
    ["related/datalake-analytics-2016-11-01/Accounts_Get.json", "Microsoft.DataLakeAnalytics/accounts"],
  ])("%s", async (file, type) => {
    const ex = load(file);
    const p = ex.parameters;
    const res = await plain(em, "GET", `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroupName}/providers/${type}/${p.accountName}?api-version=${p["api-version"]}`, undefined, "t");
    expect(res.status).toBe(200);
    expectLike(ex, res);
  });
});
