import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { staticTokenCredential } from "../azure/credential.js";
import { definePlugin, type Operation } from "../plugin.js";
import { fakeStep, fakeWorkflow } from "../testing/fake-step.js";
import { runEngine } from "./engine.js";
import type { RunEvent } from "./events.js";
import { FakeClock } from "./fake-clock.js";

describe("a step without timeout_minutes still has one: its action's default", () => {
  it.for([
    ["provision", 60],
    ["attach", 30],
    ["configure-run", 10],
  ] as const)("%s fails with E_TIMEOUT after %i minutes, saying it was the default", async ([action, minutes]) => {
    const clock = new FakeClock(Date.parse("2026-01-01T00:00:00Z"));
    const never: Operation = { description: "waiting", check: async () => ({ done: false }) };
    const hook = async () => ({ operation: never });
    const plugin = definePlugin({ apiVersion: 1, name: "slow", actions: { [action]: { schema: {}, outputs: {} } }, provision: hook, attach: hook, configureRun: hook });
    const events: RunEvent[] = [];
    const result = runEngine(fakeWorkflow(mkdtempSync(join(tmpdir(), "cf-timeout-")), [fakeStep({ id: "slow", plugin, action })]), {
      mode: "run",
      credential: staticTokenCredential(),
      clock,
      poll: { initialIntervalMs: 60_000, maxIntervalMs: 300_000 },
      onEvent: (e) => events.push(e),
    });
    await clock.advance((minutes - 1) * 60_000);
    expect(events.some((e) => e.type === "step_finished")).toBe(false);
    await clock.advance(61_000);
    expect((await result).steps.slow).toBe("failed");
    expect(events.find((e) => e.type === "step_finished")).toMatchObject({ error: { code: "E_TIMEOUT", message: `step "slow" exceeded the default timeout of ${action} steps (${minutes} minutes)` } });
  });
});
