import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultWorld, startEmulator, type RunningEmulator } from "../index.js";
import { ML_API_VERSIONS } from "../routes/api-versions.js";
import { fidelityTable, summary, TABLE_END, TABLE_START } from "./fidelity-table.js";
import { loadRecordedFixtures } from "./recorded-fixture.js";
import { replayFixture, type StepResult } from "./replay-fixture.js";
import { splitDeliberate } from "./deliberate.js";

const README = new URL("../../README.md", import.meta.url);
let emulator: RunningEmulator;
let now = Date.parse("2026-01-01T00:00:00Z");
const results: StepResult[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ ssh: false, clock: () => now, specOracle: true });
  const world = defaultWorld();
  const sub = world.subscriptions[0]!;
  const rg = sub.resource_groups[0]!;
  const ws = rg.workspaces![0]!;
  const target = {
    emulator,
    advance: (ms: number) => void (now += ms),
    workspacePath: `/subscriptions/${sub.id}/resourceGroups/${rg.name}/providers/Microsoft.MachineLearningServices/workspaces/${ws.name}`,
    location: ws.location ?? rg.location,
    servedVersions: ML_API_VERSIONS,
  };
  for (const fixture of loadRecordedFixtures()) {
    emulator.reset();
    results.push(...(await replayFixture(target, fixture)));
  }
  const { total, matching } = summary(results);
  process.stdout.write(`recorded behaviours: ${total}, emulator matches: ${matching}\n`);
});
afterAll(() => emulator?.close());

describe("recorded Azure sessions replayed against the emulator", () => {
  it("covers create, poll, read, re-PUT, PATCH, listNodes, delete, start and restart", () => {
    const ids = results.map((r) => r.step.id);
    for (const id of ["aml.create", "aml.create.read", "aml.reput", "aml.patch", "aml.listNodes", "aml.delete", "ci.create", "ci.start", "ci.restart", "ci.delete"]) expect(ids).toContain(id);
    // a recording file (repo@commit:path), or an issue quoting a real answer (repo#number)
    for (const r of results) expect(r.fixture.source).toMatch(/^Azure\/[\w.-]+(@[0-9a-f]{40}:\S+|#\d+)$/);
  });

  it("finds every recorded behaviour in the emulator (or a deliberate difference with its reason)", () => {
    const failing = results.map((r) => ({ id: r.step.id, differences: splitDeliberate(r.differences).real })).filter((r) => r.differences.length > 0);
    expect(failing).toEqual([]);
  });

  it("sends and answers only bodies the REST spec accepts (2021-07-01, null as absent)", () => {
    expect(emulator.specViolations()).toEqual([]);
  });

  it("agrees with the README's fidelity table", () => {
    const table = fidelityTable(results);
    const readme = readFileSync(README, "utf8");
    const start = readme.indexOf(TABLE_START);
    const end = readme.indexOf(TABLE_END);
    expect(start).toBeGreaterThan(-1);
    const current = readme.slice(start, end + TABLE_END.length);
    if (process.env.FIDELITY_WRITE === "1" && current !== table) writeFileSync(README, readme.replace(current, table));
    else expect(current).toBe(table);
  });
});
