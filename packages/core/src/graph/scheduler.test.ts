import { describe, expect, it } from "vitest";
import { buildGraph, type GraphStep } from "./step-graph.js";
import { Scheduler } from "./scheduler.js";

const scheduler = (spec: Record<string, string[]>) =>
  new Scheduler(buildGraph(Object.entries(spec).map(([id, needs]): GraphStep => ({ id, needs }))));

describe("Scheduler", () => {
  it("releases a diamond's join only after both branches are done", () => {
    const s = scheduler({ root: [], left: ["root"], right: ["root"], join: ["left", "right"] });
    expect(s.ready()).toEqual(["root"]);
    s.start("root");
    expect(s.ready()).toEqual([]);
    expect(s.complete("root", "done")).toEqual(["left", "right"]);
    s.start("left");
    s.start("right");
    expect(s.complete("right", "done")).toEqual([]);
    expect(s.state("join")).toBe("pending");
    expect(s.complete("left", "done")).toEqual(["join"]);
    s.start("join");
    expect(s.finished()).toBe(false);
    s.complete("join", "done");
    expect(s.finished()).toBe(true);
  });

  it("offers the step heading the longest chain first when asked to (critical path under a concurrency limit)", () => {
    const spec: Record<string, string[]> = { short: [], long: [], mid: ["long"], tail: ["mid"], other: ["short"] };
    const graph = buildGraph(Object.entries(spec).map(([id, needs]): GraphStep => ({ id, needs })));
    expect(new Scheduler(graph).ready()).toEqual(["short", "long"]);
    const s = new Scheduler(graph, { prefer: "longest-chain" });
    expect(s.ready()).toEqual(["long", "short"]);
    s.start("long");
    s.start("short");
    s.complete("short", "done");
    s.complete("long", "done");
    expect(s.ready()).toEqual(["mid", "other"]);
  });

  it("fans out to every dependent at once, in order", () => {
    const s = scheduler({ hub: [], c: ["hub"], a: ["hub"], b: ["hub"] });
    s.start("hub");
    expect(s.complete("hub", "done")).toEqual(["c", "a", "b"]);
    expect(s.ready()).toEqual(["c", "a", "b"]);
  });

  it("skips the dependents of a failed step, transitively, while independent branches go on", () => {
    const s = scheduler({ a: [], b: ["a"], c: ["b"], x: [], y: ["x"], z: ["c", "y"] });
    s.start("a");
    s.start("x");
    expect(s.complete("a", "failed")).toEqual([]);
    expect(s.snapshot()).toMatchObject({ a: "failed", b: "skipped", c: "skipped", z: "skipped", x: "running", y: "pending" });
    expect(s.skipDependentsOf("a")).toEqual(["b", "c", "z"]);
    expect(s.complete("x", "done")).toEqual(["y"]);
    s.start("y");
    expect(s.complete("y", "done")).toEqual([]);
    expect(s.finished()).toBe(true);
  });

  it("lets dependents run after a failure when told to (continue_on_error)", () => {
    const s = scheduler({ a: [], b: ["a"] });
    s.start("a");
    expect(s.complete("a", "failed", { unblockDependents: true })).toEqual(["b"]);
    expect(s.state("a")).toBe("failed");
  });

  it("skips a ready step that was never started, and its dependents", () => {
    const s = scheduler({ a: [], b: ["a"], c: [] });
    expect(s.complete("a", "skipped")).toEqual([]);
    expect(s.state("b")).toBe("skipped");
    expect(s.ready()).toEqual(["c"]);
  });

  it("refuses illegal transitions", () => {
    const s = scheduler({ a: [], b: ["a"] });
    expect(() => s.start("b")).toThrow(/cannot start step b: it is pending/);
    s.start("a");
    expect(() => s.start("a")).toThrow(/it is running/);
    s.complete("a", "done");
    expect(() => s.complete("a", "done")).toThrow(/it is done/);
    expect(() => s.state("nope")).toThrow(/unknown step/);
  });

  it("refuses a graph with a cycle", () => {
    expect(() => scheduler({ a: ["b"], b: ["a"] })).toThrow(expect.objectContaining({ code: "E_CYCLE" }));
  });

  it("hands out the same sequence every run", () => {
    const spec = { d: ["a"], a: [], c: ["a"], b: [], e: ["b", "d"] };
    const drain = () => {
      const s = scheduler(spec);
      const seen: string[] = [];
      let ready = s.ready();
      while (ready.length > 0) {
        const id = ready[0]!;
        s.start(id);
        seen.push(id);
        s.complete(id, "done");
        ready = s.ready();
      }
      return seen;
    };
    expect(drain()).toEqual(["a", "d", "c", "b", "e"]);
    expect(drain()).toEqual(drain());
  });
});
