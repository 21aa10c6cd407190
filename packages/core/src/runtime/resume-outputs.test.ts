import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { staticTokenCredential } from "../azure/credential.js";
import { definePlugin, type Outputs, type StepResult } from "../plugin.js";
import { fakeStep, fakeWorkflow } from "../testing/fake-step.js";
import { runEngine, type EngineOptions } from "./engine.js";
import type { EngineWorkflow } from "./engine-types.js";
import type { RunEvent } from "./events.js";
import { readLastRun } from "./journal-reader.js";
import { completeOutputs, missingReads, outputReaders } from "./resume-outputs.js";

const dirs: string[] = [];
const tmp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "cf-resume-outputs-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function engine(workflow: EngineWorkflow, options: Partial<EngineOptions> = {}) {
  const events: RunEvent[] = [];
  const result = runEngine(workflow, { mode: "run", credential: staticTokenCredential(), onEvent: (e) => events.push(e), timeScale: 0.001, poll: { initialIntervalMs: 5, maxIntervalMs: 5 }, ...options });
  return { events, result };
}

const journals = (dir: string): Record<string, unknown>[][] =>
  readdirSync(join(dir, ".computeflow", "runs"))
    .sort()
    .map((f) => readFileSync(join(dir, ".computeflow", "runs", f), "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>));

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}

/** `attach` returns `early` with an operation that finishes only once `done` is set. */
function attacher() {
  const state: { early: Outputs; done: boolean; final: Outputs; calls: number } = { early: {}, done: false, final: {}, calls: 0 };
  const plugin = definePlugin({
    apiVersion: 1,
    name: "att",
    actions: { attach: { schema: {}, outputs: { name: "compute name", docker: "docker --version" } }, "configure-run": { schema: {}, outputs: {} } },
    async attach(ctx): Promise<StepResult> {
      state.calls++;
      return { outputs: { ...state.early }, operation: { description: `attaching ${ctx.step.name}`, check: async () => (state.done ? { done: true, outputs: { ...state.final } } : { done: false }) } };
    },
    async configureRun(ctx) {
      return { outputs: { docker_seen: String(ctx.needs.vm?.docker) } };
    },
  });
  return { plugin, state };
}

describe("resume is exact: outputs are journaled when produced, or the step runs again", () => {
  it("outputs a hook returns with an operation are journaled before it finishes; a resumed step that cannot tell them now takes them from the journal", async () => {
    const { plugin, state } = attacher();
    const dir = tmp();
    const wf = fakeWorkflow(dir, [fakeStep({ id: "vm", plugin, action: "attach" }), fakeStep({ id: "run", plugin, action: "configure-run", needs: ["vm"] })]);
    state.early = { docker: "Docker version 24" };
    const stop = new AbortController();
    const first = engine(wf, { signal: stop.signal });
    await until(() => existsRecord(dir, "step_outputs"));
    expect(journals(dir)[0]!.find((r) => r.type === "step_outputs")).toMatchObject({ step: "vm", outputs: { docker: "Docker version 24" } });
    stop.abort();
    expect((await first.result).status).toBe("interrupted");

    state.early = { docker: null }; // the pre-flight cannot look now
    state.final = { name: "vm" };
    state.done = true;
    const resumed = engine(wf, { resume: true });
    const r = await resumed.result;
    expect(r.status).toBe("succeeded");
    expect(r.outputs.vm).toEqual({ name: "vm", docker: "Docker version 24" });
    expect(r.outputs.run).toEqual({ docker_seen: "Docker version 24" });
    expect(resumed.events.find((e) => e.type === "step_log" && e.step === "vm")).toMatchObject({ message: expect.stringContaining("docker: not known now, taken from the journal") });
    // Carried into the new journal, so a second kill and resume still has it.
    expect(journals(dir)[1]!.find((r) => r.type === "step_outputs")).toMatchObject({ step: "vm", carried: true, outputs: { docker: "Docker version 24" } });
  });

  it("a value the resumed step knows now wins over the journal's", async () => {
    expect(completeOutputs({ docker: "", name: "vm" }, { docker: "Docker version 24", extra: 1 })).toEqual({ outputs: { docker: "", name: "vm", extra: 1 }, fromJournal: ["extra"] });
    expect(completeOutputs({ docker: null }, { docker: null })).toEqual({ outputs: { docker: null }, fromJournal: [] });
  });

  it("a step the journal records as done, but without an output a later step reads, runs again (with a warning) instead of handing on nothing", async () => {
    const calls: string[] = [];
    let publish = false;
    let failB = true;
    const plugin = definePlugin({
      apiVersion: 1,
      name: "prov",
      actions: { provision: { schema: {}, outputs: { name: "compute name" } } },
      async provision(ctx) {
        calls.push(ctx.step.id);
        if (ctx.step.id === "b" && failB) throw new Error("b fails the first time");
        const outputs: Outputs = ctx.step.id === "a" ? (publish ? { name: "a" } : {}) : { upstream: String(ctx.with.upstream) };
        return { outputs };
      },
    });
    const dir = tmp();
    const wf = fakeWorkflow(dir, [
      fakeStep({ id: "a", plugin, action: "provision" }),
      fakeStep({ id: "b", plugin, action: "provision", needs: ["a"], reads: [{ step: "a", output: "name" }], with: (o) => ({ upstream: o.a?.name }) }),
      fakeStep({ id: "c", plugin, action: "provision" }),
    ]);
    expect((await engine(wf).result).status).toBe("failed");
    publish = true;
    failB = false;
    calls.length = 0;
    const resumed = engine(wf, { resume: true });
    const r = await resumed.result;
    expect(r.status).toBe("succeeded");
    expect(calls.sort()).toEqual(["a", "b"]);
    expect(resumed.events.find((e) => e.type === "run_warning")).toMatchObject({ message: expect.stringMatching(/step a runs again: the journal of run \S+ lacks its output name \(read by b\)/) });
    expect(resumed.events.find((e) => e.type === "step_finished" && e.step === "c")).toMatchObject({ status: "noop", resumed: true });
    expect(r.outputs.b).toEqual({ upstream: "a" });
  });

  it("reading a journal: later outputs win key by key, but null (could not tell) never replaces a known value", () => {
    const dir = tmp();
    mkdirSync(join(dir, ".computeflow", "runs"), { recursive: true });
    const lines = [
      { type: "run_started", time: "t", runId: "r1", mode: "run", workflow: "w" },
      { type: "step_outputs", time: "t", step: "vm", outputs: { docker: "Docker version 24" } },
      { type: "step_outputs", time: "t", step: "vm", outputs: { docker: null, address: "10.0.0.4" } },
      { type: "step_outputs", time: "t", step: "hdi", outputs: { docker: "" } },
      { type: "step_outputs", time: "t", step: "hdi", outputs: { docker: "Docker version 25" } },
    ];
    writeFileSync(join(dir, ".computeflow", "runs", "r1.ndjson"), lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
    const { previous, warnings } = readLastRun(dir);
    expect(warnings).toEqual([]);
    expect(Object.fromEntries(previous!.journaled)).toEqual({ vm: { docker: "Docker version 24", address: "10.0.0.4" }, hdi: { docker: "Docker version 25" } });
    expect(previous!.succeeded.size).toBe(0);
  });

  it("lists who reads what, and what a record lacks", () => {
    const { plugin } = attacher();
    const steps = [
      fakeStep({ id: "vm", plugin, action: "attach" }),
      fakeStep({ id: "r1", plugin, action: "configure-run", reads: [{ step: "vm", output: "name" }] }),
      fakeStep({ id: "r2", plugin, action: "configure-run", reads: [{ step: "vm", output: "name" }, { step: "vm", output: "docker" }] }),
    ];
    const readers = outputReaders(steps);
    expect(missingReads("vm", { name: "vm" }, readers)).toEqual(["docker (read by r2)"]);
    expect(missingReads("vm", { name: "vm", docker: null }, readers)).toEqual([]);
    expect(missingReads("vm", {}, readers)).toEqual(["name (read by r1, r2)", "docker (read by r2)"]);
  });
});

function existsRecord(dir: string, type: string): boolean {
  try {
    return journals(dir).some((records) => records.some((r) => r.type === type));
  } catch {
    return false;
  }
}
