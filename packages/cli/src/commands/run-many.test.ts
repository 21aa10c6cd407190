import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startEmulator, type RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, runCliTo, target, tempDir } from "./__fixtures__/engine-e2e.js";

const SCALE = 0.05;
const SUB_A = "00000000-0000-0000-0000-0000000000a1";
const SUB_B = "00000000-0000-0000-0000-0000000000b2";
const subscription = (id: string) => ({
  id,
  quotas: { westeurope: { total_dedicated: 100, low_priority: 100, standardDv2Family: 100 } },
  resource_groups: [{ name: "ml-rg", location: "westeurope", workspaces: [{ name: "ml-ws" }] }],
});
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({
    timeScale: SCALE,
    ssh: false,
    world: { durations: { create: 2, attach: 1, update: 1, delete: 1, resize: 0, retry_after: 1 }, subscriptions: [subscription(SUB_A), subscription(SUB_B)] },
  });
});
afterAll(() => emu.close());

function workflow(name: string, sub: string, clusters: Record<string, string>): string {
  const lines = ["version: 1", `name: ${name}`, "workspace:", `  subscription_id: ${sub}`, "  resource_group: ml-rg", "  name: ml-ws", "steps:"];
  for (const [id, size] of Object.entries(clusters)) lines.push(`  ${id}:`, "    uses: amlcompute", "    action: provision", "    with:", `      vm_size: ${size}`, "      max_nodes: 1");
  return `${lines.join("\n")}\n`;
}

describe("several workflow files in one plan / run / destroy", () => {
  it("runs them as one graph: steps named by file, each in its own subscription, a failure in one file skips nothing in the other", async () => {
    const dir = tempDir("many");
    mkdirSync(join(dir, "a"));
    mkdirSync(join(dir, "b"));
    writeFileSync(join(dir, "a", "team-a.yaml"), workflow("team-a", SUB_A, { "a-one": "STANDARD_D2_V2", "a-two": "STANDARD_D2_V2" }));
    writeFileSync(join(dir, "b", "team-b.yaml"), workflow("team-b", SUB_B, { "b-bad": "STANDARD_NOPE_V9", "b-ok": "STANDARD_D2_V2" }));
    const { flags, env } = target(emu, dir, SCALE);
    const files = ["a/team-a.yaml", "b/team-b.yaml"];

    const plan = await runCliTo(["plan", ...files, "--json", ...flags], { cwd: dir, env });
    const planned = Object.fromEntries(events(plan.stdout).filter((e) => e.type === "step_planned").map((e) => [e.step, e.change]));
    expect(planned).toEqual({ "team-a/a-one": "create", "team-a/a-two": "create", "team-b/b-bad": "blocked", "team-b/b-ok": "create" });
    expect(emu.requests().filter((r) => r.method !== "GET")).toEqual([]);

    const run = await runCliTo(["run", ...files, "--json", "--concurrency", "1", ...flags], { cwd: dir, env });
    expect(run.code).toBe(1);
    const finished = events(run.stdout).find((e) => e.type === "run_finished") as { steps: Record<string, string> };
    expect(finished.steps).toEqual({ "team-a/a-one": "succeeded", "team-a/a-two": "succeeded", "team-b/b-bad": "failed", "team-b/b-ok": "succeeded" });
    const puts = emu.requests().filter((r) => r.method === "PUT").map((r) => r.path.split("?")[0]!);
    expect(puts.filter((p) => p.includes(SUB_A)).map((p) => p.split("/").pop()).sort()).toEqual(["a-one", "a-two"]);
    expect(puts.filter((p) => p.includes(SUB_B)).map((p) => p.split("/").pop())).toEqual(["b-ok"]);

    const destroy = await runCliTo(["destroy", ...files, "--json", ...flags], { cwd: dir, env });
    expect(destroy.code).toBe(0);
    const deleted = emu.requests().filter((r) => r.method === "DELETE").map((r) => r.path.split("?")[0]!.split("/").pop()).sort();
    expect(deleted).toEqual(["a-one", "a-two", "b-ok"]);
  });
});
