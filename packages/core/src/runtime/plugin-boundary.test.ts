import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { staticTokenCredential } from "../azure/credential.js";
import { defineAction, definePlugin, type Operation } from "../plugin.js";
import { fakeStep, fakeWorkflow } from "../testing/fake-step.js";
import { runEngine } from "./engine.js";
import type { RunEvent } from "./events.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), "cf-boundary-"));
  dirs.push(dir);
  return dir;
};

const schema = { type: "object", properties: { size: { type: "integer", default: 3 } } } as const;

/** A plugin whose operation's check is `check`; counts the calls. */
function pollingPlugin(check: Operation["check"]) {
  const calls = { check: 0 };
  const plugin = definePlugin({
    apiVersion: 2,
    name: "buggy",
    actions: {
      provision: defineAction({
        schema,
        outputs: { size: "nodes" },
        label: "create",
        async apply(ctx) {
          const size = ctx.with.size;
          return {
            operation: {
              description: `creating ${ctx.step.name}`,
              check: (reader) => {
                calls.check++;
                return check(reader).then((status) => (status.done && "outputs" in status ? { ...status, outputs: { size } } : status));
              },
            },
          };
        },
      }),
    },
  });
  return { plugin, calls };
}

async function run(plugin: Parameters<typeof fakeStep>[0]["plugin"]) {
  const events: RunEvent[] = [];
  const wf = fakeWorkflow(tmp(), [fakeStep({ id: "c", plugin, action: "provision", retry: { maxAttempts: 3, delaySeconds: 0 } })]);
  const result = await runEngine(wf, { mode: "run", credential: staticTokenCredential(), onEvent: (e) => events.push(e), timeScale: 0.001, poll: { initialIntervalMs: 1 } });
  return { result, finished: events.find((e) => e.type === "step_finished") };
}

describe("LoadedPlugin is the only caller of plugin code", () => {
  it("turns a TypeError in Operation.check into E_PLUGIN naming the plugin, with no retries", async () => {
    const { plugin, calls } = pollingPlugin(async () => {
      const compute = undefined as unknown as { properties: { state: string } };
      return { done: compute.properties.state === "Succeeded", outputs: {} } as never;
    });
    const { result, finished } = await run(plugin);
    expect(result.steps["c"]).toBe("failed");
    expect(finished).toMatchObject({ error: { code: "E_PLUGIN", errorClass: "plugin", retryable: false, message: expect.stringMatching(/^plugin "buggy" failed in Operation\.check: /) } });
    expect(calls.check).toBe(1);
  });

  it("keeps an Azure error from the poll reader retryable (the poller reads again)", async () => {
    let reads = 0;
    const { plugin, calls } = pollingPlugin(async (reader) => {
      reads++;
      if (reads === 1) await reader.compute("does-not-matter").then(() => Promise.reject(Object.assign(new Error("Service Unavailable"), { name: "RestError", statusCode: 503 })));
      return { done: true, outputs: {} };
    });
    const { result } = await run(plugin);
    expect(result.steps["c"]).toBe("succeeded");
    expect(calls.check).toBe(2);
  });

  it("hands apply `with` with the schema defaults applied", async () => {
    const { plugin } = pollingPlugin(async () => ({ done: true, outputs: {} }));
    const events: RunEvent[] = [];
    const wf = fakeWorkflow(tmp(), [fakeStep({ id: "c", plugin, action: "provision" })]);
    await runEngine(wf, { mode: "run", credential: staticTokenCredential(), onEvent: (e) => events.push(e), timeScale: 0.001, poll: { initialIntervalMs: 1 } });
    expect(events.find((e) => e.type === "step_finished")).toMatchObject({ outputs: { size: 3 } });
  });
});
