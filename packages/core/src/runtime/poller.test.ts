import type { ComputeResource } from "@azure/arm-machinelearningservices";
import { describe, expect, it } from "vitest";
import { ComputeflowError } from "../errors.js";
import type { Operation, PollReader, WorkspaceRef } from "../plugin.js";
import { FakeClock } from "./fake-clock.js";
import { SharedPoller } from "./poller.js";

const ws: WorkspaceRef = { subscriptionId: "s", resourceGroup: "rg", name: "ws" };

/** A world of computes whose states tests change; counts list calls like ARM would see them. */
function world() {
  const states = new Map<string, string>();
  const calls = { list: 0 };
  const readerFor = (): PollReader => {
    let listed: Map<string, string> | undefined;
    return {
      async compute(name) {
        if (!listed) {
          calls.list++;
          listed = new Map(states);
        }
        const state = listed.get(name);
        return state ? ({ name, properties: { provisioningState: state } } as unknown as ComputeResource) : undefined;
      },
      async computeDetail() {
        return undefined;
      },
    };
  };
  return { states, calls, readerFor };
}

function watch(name: string): Operation {
  return {
    description: `creating ${name}`,
    compute: name,
    async check(reader) {
      const c = await reader.compute(name);
      const state = (c?.properties as { provisioningState?: string } | undefined)?.provisioningState;
      if (state === "Succeeded") return { done: true, outputs: { name } };
      if (state === "Failed") return { done: true, error: new ComputeflowError({ code: "E_PROVISIONING_FAILED", message: "failed" }) };
      return { done: false, progress: { provisioningState: state ?? "absent" } };
    },
  };
}

/** When the poller listed the workspace while one operation stayed "Creating", sampled every `stepMs` until `untilMs`. */
async function listTimes(options: Omit<ConstructorParameters<typeof SharedPoller>[0], "clock" | "readerFor">, untilMs: number, stepMs: number): Promise<number[]> {
  const clock = new FakeClock();
  const w = world();
  w.states.set("a", "Creating");
  const poller = new SharedPoller({ clock, readerFor: w.readerFor, ...options });
  void poller.track(watch("a"), { step: "a", workspace: ws });
  const seen: number[] = [];
  for (let t = 0; t < untilMs; t += stepMs) {
    const before = w.calls.list;
    await clock.advance(stepMs);
    if (w.calls.list > before) seen.push(clock.now());
  }
  return seen;
}

describe("SharedPoller", () => {
  it("serves every operation of a workspace with one list per tick", async () => {
    const clock = new FakeClock();
    const w = world();
    const poller = new SharedPoller({ clock, readerFor: w.readerFor, initialIntervalMs: 1000, backoff: 1 });
    const names = ["a", "b", "c", "d"];
    names.forEach((n) => w.states.set(n, "Creating"));
    const results = names.map((n) => poller.track(watch(n), { step: n, workspace: ws }));
    await clock.advance(1000);
    expect(w.calls.list).toBe(1);
    names.forEach((n) => w.states.set(n, "Succeeded"));
    await clock.advance(1000);
    expect(await Promise.all(results)).toEqual(names.map((name) => ({ name })));
    expect(w.calls.list).toBe(2);
    expect(clock.pending()).toBe(0);
  });

  it("backs off to the cap while nothing changes", async () => {
    const seen = await listTimes({ initialIntervalMs: 1000, maxIntervalMs: 4000, backoff: 2, maxLateness: Infinity }, 20_000, 500);
    expect(seen.slice(0, 5)).toEqual([1000, 3000, 7000, 11000, 15000]);
  });

  it("keeps the interval within maxLateness of the operation's age", async () => {
    const seen = await listTimes({ initialIntervalMs: 1000, maxIntervalMs: 60_000, backoff: 2, maxLateness: 0.1 }, 40_000, 250);
    const gaps = seen.slice(1).map((at, i) => at - seen[i]!);
    seen.slice(0, -1).forEach((at, i) => expect(gaps[i]!).toBeLessThanOrEqual(Math.max(1000, Math.round(0.1 * at)) + 250));
    expect(gaps.at(-1)).toBeGreaterThan(2000);
  });

  it("by default looks first after 2 s, then at most 1.5% of the operation's age late", async () => {
    const seen = await listTimes({}, 600_000, 100);
    expect(seen[0]).toBe(2000);
    const late = seen.filter((at) => at > 100_000);
    late.slice(1).forEach((at, i) => expect(at - late[i]!).toBeLessThanOrEqual(Math.max(2000, Math.round(0.015 * late[i]!)) + 100));
    expect(late.at(-1)! - late.at(-2)!).toBeGreaterThan(8000);
  });

  it("checks every operation of a workspace whenever one of them is due (one list, operations in phase)", async () => {
    const clock = new FakeClock();
    const w = world();
    w.states.set("old", "Creating");
    w.states.set("young", "Creating");
    const poller = new SharedPoller({ clock, readerFor: w.readerFor, initialIntervalMs: 1000, maxIntervalMs: 30_000, backoff: 3, maxLateness: Infinity });
    const old = poller.track(watch("old"), { step: "old", workspace: ws });
    await clock.advance(5000);
    void poller.track(watch("young"), { step: "young", workspace: ws });
    const listsBefore = w.calls.list;
    w.states.set("old", "Succeeded");
    await clock.advance(1000);
    expect(await old).toEqual({ name: "old" });
    expect(w.calls.list).toBe(listsBefore + 1);
  });

  it("treats a failed status read as a reason to look again, not a failed operation", async () => {
    const clock = new FakeClock();
    let failures = 3;
    const op: Operation = {
      description: "x",
      async check() {
        if (failures-- > 0) throw new ComputeflowError({ code: "E_TRANSIENT", errorClass: "transient", message: "503", retryAfterMs: 5000 });
        return { done: true, outputs: { ok: true } };
      },
    };
    const poller = new SharedPoller({ clock, readerFor: world().readerFor, initialIntervalMs: 100 });
    const result = poller.track(op, { step: "x", workspace: ws });
    await clock.advance(100);
    await clock.advance(4999);
    expect(failures).toBe(2);
    await clock.advance(20_000);
    expect(await result).toEqual({ ok: true });
  });

  it("fails a step that outlives its deadline with E_TIMEOUT", async () => {
    const clock = new FakeClock();
    const w = world();
    w.states.set("a", "Creating");
    const poller = new SharedPoller({ clock, readerFor: w.readerFor, initialIntervalMs: 1000 });
    const result = poller.track(watch("a"), { step: "a", workspace: ws, deadline: 2500 });
    const caught = result.catch((e: ComputeflowError) => e);
    await clock.advance(3000);
    expect((await caught).code).toBe("E_TIMEOUT");
  });

  it("reports progress only when it changes, and the failure the operation reports", async () => {
    const clock = new FakeClock();
    const w = world();
    w.states.set("a", "Creating");
    const progress: string[] = [];
    const poller = new SharedPoller({ clock, readerFor: w.readerFor, initialIntervalMs: 100, backoff: 1 });
    const result = poller.track(watch("a"), { step: "a", workspace: ws, onProgress: (p) => progress.push(p.provisioningState!) }).catch((e: Error) => e);
    await clock.advance(300);
    w.states.set("a", "Failed");
    await clock.advance(100);
    expect(progress).toEqual(["Creating"]);
    expect(((await result) as ComputeflowError).code).toBe("E_PROVISIONING_FAILED");
  });
});
