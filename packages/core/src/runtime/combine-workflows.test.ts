import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { staticTokenCredential } from "../azure/credential.js";
import { definePlugin, type WorkspaceRef } from "../plugin.js";
import { fakeStep, fakeWorkflow } from "../testing/fake-step.js";
import { combineWorkflows, labelsFor } from "./combine-workflows.js";
import { runEngine } from "./engine.js";
import type { RunEvent } from "./events.js";

const root = mkdtempSync(join(tmpdir(), "cf-combine-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Records, per step, the workspace and directory its hooks saw; `fail` names computes whose provision throws. */
function plugin(seen: Record<string, { workspace: WorkspaceRef; dir: string; with: unknown }>, fail: string[] = []) {
  return definePlugin({
    apiVersion: 1,
    name: "rec",
    actions: { provision: { schema: {}, outputs: { name: "compute name" } } },
    async provision(ctx) {
      seen[ctx.step.id] = { workspace: ctx.workspace, dir: ctx.workflowDir, with: ctx.with };
      if (fail.includes(ctx.step.name)) throw new Error(`${ctx.step.name} fails`);
      return { outputs: { name: ctx.step.name } };
    },
  });
}

describe("combineWorkflows: several workflow files as one graph", () => {
  it("names steps by file, keeps each file's workspace, directory and outputs, and a failure skips only its own file's dependents", async () => {
    const seen: Record<string, { workspace: WorkspaceRef; dir: string; with: unknown }> = {};
    const p = plugin(seen, ["bad"]);
    const dirA = join(root, "team-a");
    const dirB = join(root, "team-b");
    mkdirSync(dirA);
    mkdirSync(dirB);
    const a = fakeWorkflow(dirA, [
      fakeStep({ id: "base", plugin: p, action: "provision" }),
      fakeStep({ id: "top", plugin: p, action: "provision", needs: ["base"], with: (o) => ({ upstream: o["base"]?.["name"] }) }),
    ]);
    const b = {
      ...fakeWorkflow(dirB, [
        fakeStep({ id: "base", name: "bad", plugin: p, action: "provision" }),
        fakeStep({ id: "top", plugin: p, action: "provision", needs: ["base"] }),
        fakeStep({ id: "alone", plugin: p, action: "provision" }),
      ]),
      workspace: { subscriptionId: "00000000-0000-0000-0000-0000000000b2", resourceGroup: "rg-b", name: "ws-b" },
    };
    const combined = combineWorkflows([
      { label: "a", workflow: a },
      { label: "b", workflow: b },
    ]);
    expect(combined.steps.map((s) => s.id)).toEqual(["a/base", "a/top", "b/base", "b/top", "b/alone"]);
    expect(combined.dir).toBe(root);
    const events: RunEvent[] = [];
    const result = await runEngine(combined, { mode: "run", credential: staticTokenCredential(), onEvent: (e) => events.push(e), timeScale: 0.001 });
    expect(result.steps).toEqual({ "a/base": "succeeded", "a/top": "succeeded", "b/base": "failed", "b/top": "skipped", "b/alone": "succeeded" });
    expect(seen["a/top"]!.with).toEqual({ upstream: "base" });
    expect(seen["a/top"]!.dir).toBe(dirA);
    expect(seen["b/alone"]!.dir).toBe(dirB);
    expect(seen["b/alone"]!.workspace.subscriptionId).toBe("00000000-0000-0000-0000-0000000000b2");
    expect(seen["a/base"]!.workspace.subscriptionId).toBe(a.workspace.subscriptionId);
    expect(result.journal?.startsWith(join(root, ".computeflow"))).toBe(true);
  });

  it("leaves a single workflow as it is", () => {
    const w = fakeWorkflow(root, []);
    expect(combineWorkflows([{ label: "x", workflow: w }])).toBe(w);
  });

  it("labels files by name, and by path where names repeat", () => {
    expect(labelsFor(["/p/a.yaml", "/p/b.yml"], "/p")).toEqual(["a", "b"]);
    expect(labelsFor(["/p/x/wf.yaml", "/p/y/wf.yaml", "/p/z.yaml"], "/p")).toEqual(["x/wf", "y/wf", "z"]);
  });
});
