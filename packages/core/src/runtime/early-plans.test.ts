import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { staticTokenCredential } from "../azure/credential.js";
import { definePlugin } from "../plugin.js";
import { fakeStep, fakeWorkflow } from "../testing/fake-step.js";
import { runEngine } from "./engine.js";

const dir = mkdtempSync(join(tmpdir(), "cf-early-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("early plans: pre-flights start when the run starts", () => {
  it("plans a step whose inputs are known at once, before its dependency finished, and only once", async () => {
    const log: string[] = [];
    let releaseBase!: () => void;
    const baseDone = new Promise<void>((r) => (releaseBase = r));
    const plugin = definePlugin({
      apiVersion: 1,
      name: "rec",
      actions: { provision: { schema: {}, outputs: { name: "compute name" } } },
      async plan(ctx) {
        log.push(`plan ${ctx.step.id}`);
        return { change: "create", state: { at: log.length } };
      },
      async provision(ctx) {
        log.push(`provision ${ctx.step.id} with plan ${JSON.stringify(ctx.plan?.state)}`);
        if (ctx.step.id === "base") await baseDone;
        return { outputs: { name: ctx.step.name } };
      },
    });
    const steps = [
      fakeStep({ id: "base", plugin, action: "provision" }),
      fakeStep({ id: "independent-inputs", plugin, action: "provision", needs: ["base"] }),
      fakeStep({ id: "reads-base", plugin, action: "provision", needs: ["base"], with: (o) => ({ name: o["base"]!["name"] }) }),
    ];
    const run = runEngine(fakeWorkflow(dir, steps), { mode: "run", credential: staticTokenCredential(), timeScale: 0.001 });
    for (let i = 0; i < 400 && !log.some((l) => l.startsWith("provision base")); i++) await new Promise((r) => setTimeout(r, 5));
    // base is still running: the step that needs base but none of its outputs is planned already.
    expect(log).toContain("plan independent-inputs");
    expect(log).not.toContain("plan reads-base");
    releaseBase();
    const result = await run;
    expect(result.status).toBe("succeeded");
    expect(log.filter((l) => l === "plan independent-inputs")).toHaveLength(1);
    expect(log.filter((l) => l === "plan reads-base")).toHaveLength(1);
    expect(log.indexOf("plan reads-base")).toBeGreaterThan(log.findIndex((l) => l.startsWith("provision base")));
  });

  it("does not plan early a step whose compute another step of the run also names", async () => {
    const planned: string[] = [];
    const plugin = definePlugin({
      apiVersion: 1,
      name: "rec",
      actions: { provision: { schema: {}, outputs: {} }, delete: { schema: {}, outputs: {} } },
      async plan(ctx) {
        planned.push(`${ctx.step.id}@${ctx.step.action}`);
        return { change: ctx.step.action === "delete" ? "delete" : "create" };
      },
      async provision() {
        return { outputs: {} };
      },
      async delete() {
        planned.push("deleted");
        return { outputs: {} };
      },
    });
    const steps = [
      fakeStep({ id: "remove", name: "same", plugin, action: "delete" }),
      fakeStep({ id: "create", name: "same", plugin, action: "provision", needs: ["remove"] }),
    ];
    const result = await runEngine(fakeWorkflow(dir, steps), { mode: "run", credential: staticTokenCredential(), timeScale: 0.001 });
    expect(result.status).toBe("succeeded");
    expect(planned).toEqual(["remove@delete", "deleted", "create@provision"]);
  });
});
