import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { extractFixture, readRecording, type ExtractionPlan } from "./extract-recording.js";
import { loadRecordedFixtures } from "./recorded-fixture.js";

const SAMPLES = fileURLToPath(new URL("../../fixtures/recordings/", import.meta.url));
const SCRIPT = fileURLToPath(new URL("../../scripts/extract-recording.mjs", import.meta.url));
const plans = readdirSync(SAMPLES).filter((f) => f.endsWith(".plan.json")).sort();
const sampleOf = (plan: string) => `${SAMPLES}${plan.replace(/\.plan\.json$/, ".Recording.sample.json")}`;
const readPlan = (plan: string) => JSON.parse(readFileSync(`${SAMPLES}${plan}`, "utf8")) as ExtractionPlan;
const fixtureFor = (plan: ExtractionPlan) => loadRecordedFixtures().find((f) => f.source === plan.source);

describe("extract-recording: fixtures made again from their kept recordings", () => {
  it("has at least one kept sample, each with its fixture", () => {
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) expect(fixtureFor(readPlan(plan)), plan).toBeDefined();
  });

  it.each(plans)("%s: the extraction is the checked-in fixture", (plan) => {
    const p = readPlan(plan);
    const { file: _, ...fixture } = fixtureFor(p)!;
    expect(extractFixture(readRecording(readFileSync(sampleOf(plan), "utf8")), p)).toEqual(fixture);
  });

  it("reads the LRO headers, the polls and the final status of an Az PowerShell recording", () => {
    const entries = readRecording(readFileSync(sampleOf("Stop-AzMLWorkspaceCompute.plan.json"), "utf8"));
    expect(entries.map((e) => `${e.method} ${e.status}`)).toEqual(["POST 202", "GET 200", "GET 200", "GET 200"]);
    expect(entries[0]!.headers["azure-asyncoperation"]).toContain("/computeOperationsStatus/");
    expect(entries[3]!.responseBody).toEqual({ status: "Succeeded", percentComplete: 100 });
  });

  it("reads the Azure SDK test proxy's Entries format too", () => {
    const ws = "https://management.azure.com/subscriptions/s/resourceGroups/r/providers/Microsoft.MachineLearningServices/workspaces/w";
    const op = "https://management.azure.com/subscriptions/s/providers/Microsoft.MachineLearningServices/locations/eastus/computeOperationsStatus/op1?api-version=2022-10-01-preview";
    const recording = JSON.stringify({ Entries: [
      { RequestUri: `${ws}/computes/ci1/start?api-version=2022-10-01-preview`, RequestMethod: "POST", RequestBody: null, StatusCode: 202, ResponseHeaders: { "Azure-AsyncOperation": op, "Retry-After": "10" }, ResponseBody: null },
      { RequestUri: op, RequestMethod: "GET", RequestBody: null, StatusCode: 200, ResponseHeaders: {}, ResponseBody: { status: "InProgress" } },
      { RequestUri: op, RequestMethod: "GET", RequestBody: null, StatusCode: 200, ResponseHeaders: {}, ResponseBody: { status: "Succeeded" } },
    ] });
    const plan: ExtractionPlan = { source: "a@b:c", recorded: "2022-10-01", compute: "ci1", steps: [{ id: "ci.start", behaviour: "start", take: "POST computes/{compute}/start" }] };
    const fixture = extractFixture(readRecording(recording), plan);
    expect(fixture.apiVersion).toBe("2022-10-01-preview");
    expect(fixture.steps[0]).toEqual({
      id: "ci.start", behaviour: "start",
      request: { method: "POST", path: "computes/{compute}/start" },
      response: { status: 202, lro: { "Azure-AsyncOperation": true, Location: false, "Retry-After": true }, body: null },
      poll: { states: ["InProgress", "Succeeded"], final: { status: "Succeeded" }, inProgress: { status: "InProgress" } },
    });
    expect(() => extractFixture(readRecording(recording), { ...plan, steps: [{ id: "x", take: "DELETE computes/{compute}" }] })).toThrow(/no unused DELETE computes\/\{compute\}/);
  });

  it("runs as a script: prints the fixture, or a usage line and exit code 2", async () => {
    const run = promisify(execFile);
    const plan = "Stop-AzMLWorkspaceCompute.plan.json";
    const { stdout } = await run(process.execPath, [SCRIPT, sampleOf(plan), `${SAMPLES}${plan}`]);
    const { file: _, ...fixture } = fixtureFor(readPlan(plan))!;
    expect(JSON.parse(stdout)).toEqual(fixture);
    await expect(run(process.execPath, [SCRIPT])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("usage: extract-recording.mjs") });
  });
});
