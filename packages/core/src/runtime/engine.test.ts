import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { staticTokenCredential } from "../azure/credential.js";
import { ComputeflowError } from "../errors.js";
import { definePlugin, type Operation, type PlanEntry } from "../plugin.js";
import { fakeStep, fakeWorkflow } from "../testing/fake-step.js";
import { runEngine, type EngineOptions } from "./engine.js";
import type { EngineWorkflow } from "./engine-types.js";
import type { RunEvent } from "./events.js";
import { FakeClock } from "./fake-clock.js";

const dirs: string[] = [];
const tmp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "cf-engine-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function engine(workflow: EngineWorkflow, options: Partial<EngineOptions> = {}) {
  const events: RunEvent[] = [];
  const result = runEngine(workflow, { mode: "run", credential: staticTokenCredential(), onEvent: (e) => events.push(e), timeScale: 0.001, ...options });
  return { events, result };
}

/** A plugin whose provision hook returns `outputs` after `calls` bookkeeping; behaviour per compute name. */
function recorder(behaviour: Record<string, () => Promise<unknown>> = {}) {
  const calls: string[] = [];
  const plugin = definePlugin({
    apiVersion: 1,
    name: "rec",
    actions: { provision: { schema: {}, outputs: { name: "compute name" }, destroy: "delete" }, attach: { schema: {}, outputs: {}, destroy: "detach" }, "configure-run": { schema: {}, outputs: {} } },
    async provision(ctx) {
      calls.push(`provision:${ctx.step.name}`);
      await behaviour[ctx.step.name]?.();
      return { outputs: { name: ctx.step.name, seen: String(ctx.with.upstream ?? "") } };
    },
    async attach(ctx) {
      calls.push(`attach:${ctx.step.name}`);
      return { outputs: {}, changed: false };
    },
    async configureRun(ctx) {
      calls.push(`configure:${ctx.step.name}`);
      return { outputs: {} };
    },
    async delete(ctx) {
      calls.push(`delete:${ctx.step.name}`);
      return {};
    },
    async detach(ctx) {
      calls.push(`detach:${ctx.step.name}`);
      return {};
    },
  });
  return { plugin, calls };
}

const finishedStatus = (events: RunEvent[]) =>
  Object.fromEntries(events.flatMap((e) => (e.type === "step_finished" ? [[e.step, e.status]] : [])));

describe("runEngine run", () => {
  it("runs a diamond in dependency order and flows outputs into later steps", async () => {
    const { plugin, calls } = recorder();
    const wf = fakeWorkflow(tmp(), [
      fakeStep({ id: "a", plugin, action: "provision" }),
      fakeStep({ id: "b", plugin, action: "provision", needs: ["a"], with: (o) => ({ upstream: o.a?.name }) }),
      fakeStep({ id: "c", plugin, action: "provision", needs: ["a"] }),
      fakeStep({ id: "d", plugin, action: "configure-run", needs: ["b", "c"] }),
    ]);
    const { events, result } = engine(wf);
    const r = await result;
    expect(r.status).toBe("succeeded");
    expect(calls[0]).toBe("provision:a");
    expect(calls.at(-1)).toBe("configure:d");
    expect(r.outputs.b).toEqual({ name: "b", seen: "a" });
    expect(events.at(-1)).toMatchObject({ type: "run_finished", status: "succeeded", steps: { a: "succeeded", b: "succeeded", c: "succeeded", d: "succeeded" } });
  });

  it("skips the dependents of a failed step and lets independent branches finish", async () => {
    const { plugin } = recorder({ a: async () => Promise.reject(new ComputeflowError({ code: "E_QUOTA", errorClass: "quota", message: "no quota" })) });
    const wf = fakeWorkflow(tmp(), [
      fakeStep({ id: "a", plugin, action: "provision" }),
      fakeStep({ id: "b", plugin, action: "provision", needs: ["a"] }),
      fakeStep({ id: "c", plugin, action: "provision", needs: ["b"] }),
      fakeStep({ id: "x", plugin, action: "provision" }),
    ]);
    const { events, result } = engine(wf);
    const r = await result;
    expect(r.status).toBe("failed");
    expect(finishedStatus(events)).toEqual({ a: "failed", b: "skipped", c: "skipped", x: "succeeded" });
    const failed = events.find((e) => e.type === "step_finished" && e.step === "a");
    expect(failed).toMatchObject({ error: { code: "E_QUOTA", retryable: false } });
  });

  it("stops starting new work with failFast", async () => {
    const { plugin, calls } = recorder({ a: async () => Promise.reject(new Error("boom")) });
    const wf = fakeWorkflow(tmp(), [fakeStep({ id: "a", plugin, action: "provision" }), fakeStep({ id: "x", plugin, action: "provision" })]);
    const r = await engine(wf, { failFast: true, concurrency: 1 }).result;
    expect(calls).toEqual(["provision:a"]);
    expect(r.steps).toEqual({ a: "failed", x: "cancelled" });
  });

  it("honours the concurrency limit", async () => {
    let active = 0;
    let peak = 0;
    const slow = async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 10));
      active--;
    };
    const { plugin } = recorder(Object.fromEntries(["s0", "s1", "s2", "s3", "s4", "s5"].map((n) => [n, slow])));
    const wf = fakeWorkflow(tmp(), ["s0", "s1", "s2", "s3", "s4", "s5"].map((id) => fakeStep({ id, plugin, action: "provision" })));
    expect((await engine(wf, { concurrency: 2 }).result).status).toBe("succeeded");
    expect(peak).toBe(2);
  });

  it("retries retryable failures per the step's retry, never validation errors", async () => {
    let transient = 2;
    const { plugin, calls } = recorder({
      a: async () => {
        if (transient-- > 0) throw new ComputeflowError({ code: "E_TRANSIENT", errorClass: "transient", message: "503" });
      },
      v: async () => Promise.reject(new ComputeflowError({ code: "E_VALIDATION", errorClass: "validation", message: "bad" })),
    });
    const wf = fakeWorkflow(tmp(), [
      fakeStep({ id: "a", plugin, action: "provision", retry: { maxAttempts: 3, delaySeconds: 1 } }),
      fakeStep({ id: "v", plugin, action: "provision", retry: { maxAttempts: 3, delaySeconds: 1 } }),
    ]);
    const { events, result } = engine(wf);
    expect((await result).steps).toEqual({ a: "succeeded", v: "failed" });
    expect(calls.filter((c) => c === "provision:a")).toHaveLength(3);
    expect(calls.filter((c) => c === "provision:v")).toHaveLength(1);
    expect(events.filter((e) => e.type === "step_retry").map((e) => e.type === "step_retry" && e.attempt)).toEqual([1, 2]);
  });

  it("runs the dependents of a continue_on_error step and evaluates if:", async () => {
    const { plugin, calls } = recorder({ a: async () => Promise.reject(new Error("boom")) });
    const wf = fakeWorkflow(tmp(), [
      fakeStep({ id: "a", plugin, action: "provision", continueOnError: true }),
      fakeStep({ id: "b", plugin, action: "provision", needs: ["a"] }),
      fakeStep({ id: "c", plugin, action: "provision", needs: ["b"], if: () => false }),
      fakeStep({ id: "d", plugin, action: "provision", needs: ["c"] }),
    ]);
    const r = await engine(wf).result;
    expect(r.status).toBe("succeeded");
    expect(r.steps).toEqual({ a: "failed", b: "succeeded", c: "skipped", d: "skipped" });
    expect(calls).toEqual(["provision:a", "provision:b"]);
  });

  it("fails a blocked step with the plan's code and refuses replace-required unless allowed", async () => {
    const plans: Record<string, PlanEntry> = {
      q: { change: "blocked", reason: "quota left 0 < 4 cores", code: "E_QUOTA", hint: "ask for more" },
      r: { change: "replace-required", diff: [{ path: "properties.vmSize", from: "A", to: "B", immutable: true }] },
    };
    const base = recorder();
    const plugin = definePlugin({ ...base.plugin, plan: async (ctx) => plans[ctx.step.name] ?? { change: "create" } });
    const wf = fakeWorkflow(tmp(), [fakeStep({ id: "q", plugin, action: "provision" }), fakeStep({ id: "r", plugin, action: "provision" })]);
    const { events, result } = engine(wf);
    expect((await result).steps).toEqual({ q: "failed", r: "failed" });
    expect(base.calls).toEqual([]);
    const errors = events.flatMap((e) => (e.type === "step_finished" && e.error ? [e.error] : []));
    expect(errors.map((e) => e.code).sort()).toEqual(["E_QUOTA", "E_REPLACE_REQUIRED"]);
    expect(errors.find((e) => e.code === "E_REPLACE_REQUIRED")?.message).toContain("properties.vmSize");
    const allowed = await engine(wf, { allowReplace: true }).result;
    expect(allowed.steps.r).toBe("succeeded");
  });

  it("frees a step's concurrency slot while its operation only waits in the shared poller", async () => {
    const started: string[] = [];
    let release = false;
    const waiting: Operation = { description: "creating", check: async () => (release ? { done: true, outputs: {} } : { done: false }) };
    const plugin = definePlugin({
      apiVersion: 1,
      name: "lro",
      actions: { provision: { schema: {}, outputs: {} } },
      provision: async (ctx) => {
        started.push(ctx.step.id);
        if (started.length === 3) release = true;
        return { operation: waiting };
      },
    });
    const wf = fakeWorkflow(tmp(), ["a", "b", "c"].map((id) => fakeStep({ id, plugin, action: "provision" })));
    const r = await engine(wf, { concurrency: 1, poll: { initialIntervalMs: 5, maxIntervalMs: 5 } }).result;
    expect(r.status).toBe("succeeded");
    expect(started).toEqual(["a", "b", "c"]);
  });

  it("fails a step with E_TIMEOUT when its operation outlives timeout_minutes", async () => {
    const clock = new FakeClock(Date.parse("2026-01-01T00:00:00Z"));
    const never: Operation = { description: "creating slow", check: async () => ({ done: false }) };
    const plugin = definePlugin({ apiVersion: 1, name: "slow", actions: { provision: { schema: {}, outputs: {} } }, provision: async () => ({ operation: never }) });
    const wf = fakeWorkflow(tmp(), [fakeStep({ id: "slow", plugin, action: "provision", timeoutMinutes: 1 })]);
    const { events, result } = engine(wf, { clock, poll: { initialIntervalMs: 1000, maxIntervalMs: 5000 } });
    await clock.advance(61_000);
    const r = await result;
    expect(r.steps.slow).toBe("failed");
    expect(events.find((e) => e.type === "step_finished")).toMatchObject({ error: { code: "E_TIMEOUT" } });
  });

  it("stops on abort, reports what is still running server-side, and ends interrupted", async () => {
    const never: Operation = { description: "creating big-cluster", compute: "big", check: async () => ({ done: false }) };
    const plugin = definePlugin({ apiVersion: 1, name: "slow", actions: { provision: { schema: {}, outputs: {} } }, provision: async () => ({ operation: never }) });
    const wf = fakeWorkflow(tmp(), [fakeStep({ id: "big", plugin, action: "provision" }), fakeStep({ id: "after", plugin, action: "provision", needs: ["big"] })]);
    const controller = new AbortController();
    const { events, result } = engine(wf, { signal: controller.signal, poll: { initialIntervalMs: 5 } });
    await new Promise((r) => setTimeout(r, 50));
    const t0 = Date.now();
    controller.abort();
    const r = await result;
    expect(Date.now() - t0).toBeLessThan(5000); // the operation never ends: anything finite but prompt is right
    expect(r.status).toBe("interrupted");
    expect(r.steps).toEqual({ big: "cancelled", after: "skipped" });
    expect(events.find((e) => e.type === "interrupted")).toMatchObject({ inFlight: [{ step: "big", operation: "creating big-cluster" }] });
  });

  it("redacts a canary secret from events and the journal", async () => {
    const canary = "CANARY-7f3a9c-do-not-print";
    const late = "LATE-SECRET-4242";
    const plugin = definePlugin({
      apiVersion: 1,
      name: "leaky",
      actions: { provision: { schema: {}, outputs: {} } },
      async provision(ctx) {
        ctx.secret(late);
        ctx.log.info(`password is ${String(ctx.with.password)} and ${late}`);
        throw new Error(`failed with ${String(ctx.with.password)}`);
      },
    });
    const dir = tmp();
    const wf = fakeWorkflow(dir, [fakeStep({ id: "leak", plugin, action: "provision", with: () => ({ password: canary }), secrets: [canary] })], [canary]);
    const { events, result } = engine(wf);
    const r = await result;
    expect(r.status).toBe("failed");
    const text = JSON.stringify(events) + readdirSync(join(dir, ".computeflow", "runs")).map((f) => readFileSync(join(dir, ".computeflow", "runs", f), "utf8")).join("");
    expect(text).toContain("***");
    expect(text).not.toContain(canary);
    expect(text).not.toContain(late);
    expect(readFileSync(join(dir, ".computeflow", ".gitignore"), "utf8")).toBe("*\n");
  });

  it("resumes: steps that succeeded before are not run again and keep their outputs", async () => {
    let failB = true;
    const { plugin, calls } = recorder({ b: async () => (failB ? Promise.reject(new Error("killed")) : undefined) });
    const dir = tmp();
    const wf = fakeWorkflow(dir, [
      fakeStep({ id: "a", plugin, action: "provision" }),
      fakeStep({ id: "b", plugin, action: "provision", needs: ["a"], with: (o) => ({ upstream: o.a?.name }) }),
    ]);
    expect((await engine(wf).result).status).toBe("failed");
    failB = false;
    calls.length = 0;
    const resumed = engine(wf, { resume: true });
    const r = await resumed.result;
    expect(resumed.events.find((e) => e.type === "step_finished" && e.step === "a")).toMatchObject({ status: "noop", resumed: true, outputs: { name: "a" } });
    expect(r.status).toBe("succeeded");
    expect(calls).toEqual(["provision:b"]);
    expect(r.outputs.b).toEqual({ name: "b", seen: "a" });
  });

  it("resumes nothing after a run that finished, or after a destroy: every step is checked again", async () => {
    const { plugin, calls } = recorder();
    const dir = tmp();
    const wf = fakeWorkflow(dir, [fakeStep({ id: "a", plugin, action: "provision" })]);
    expect((await engine(wf).result).status).toBe("succeeded");
    calls.length = 0;
    await engine(wf, { resume: true }).result;
    expect(calls).toEqual(["provision:a"]);
    await engine(wf, { mode: "destroy" }).result;
    calls.length = 0;
    await engine(wf, { resume: true }).result;
    expect(calls).toEqual(["provision:a"]);
  });
});

describe("runEngine plan and destroy", () => {
  it("plans every step in order without calling action hooks", async () => {
    const base = recorder();
    const plugin = definePlugin({ ...base.plugin, plan: async (ctx) => ({ change: ctx.step.name === "a" ? "noop" : "create", summary: `plan ${ctx.step.name}`, state: { secret: 1 } }) });
    const wf = fakeWorkflow(tmp(), [fakeStep({ id: "a", plugin, action: "provision" }), fakeStep({ id: "b", plugin, action: "provision", needs: ["a"] })]);
    const { events, result } = engine(wf, { mode: "plan" });
    expect((await result).status).toBe("succeeded");
    expect(base.calls).toEqual([]);
    const planned = events.filter((e) => e.type === "step_planned");
    expect(planned.map((e) => e.type === "step_planned" && [e.step, e.change])).toEqual([["a", "noop"], ["b", "create"]]);
    expect(JSON.stringify(planned)).not.toContain("state");
  });

  it("destroys in reverse dependency order: delete provisioned, detach attached, leave the rest", async () => {
    const { plugin, calls } = recorder();
    const wf = fakeWorkflow(tmp(), [
      fakeStep({ id: "cluster", plugin, action: "provision" }),
      fakeStep({ id: "vm", plugin, action: "attach" }),
      fakeStep({ id: "cfg", plugin, action: "configure-run", needs: ["cluster", "vm"] }),
      fakeStep({ id: "job", plugin, action: "provision", needs: ["cfg"] }),
    ]);
    const { events, result } = engine(wf, { mode: "destroy", concurrency: 1 });
    const r = await result;
    expect(r.status).toBe("succeeded");
    expect(events.filter((e) => e.type === "step_started").map((e) => e.type === "step_started" && `${e.step}:${e.action}`)).toEqual(["job:delete", "cluster:delete", "vm:detach"]);
    expect(calls).toEqual(["delete:job", "delete:cluster", "detach:vm"]);
    expect(r.steps.cfg).toBe("noop");
  });
});
