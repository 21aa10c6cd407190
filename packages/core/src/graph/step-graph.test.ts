import { describe, expect, it } from "vitest";
import { buildGraph, type GraphStep } from "./step-graph.js";

const steps = (spec: Record<string, string[]>): GraphStep[] => Object.entries(spec).map(([id, needs]) => ({ id, needs }));

describe("buildGraph", () => {
  it("keeps file order, edges toward dependencies and dependents in file order", () => {
    const graph = buildGraph(steps({ a: [], b: ["a"], c: ["a"], d: ["c", "b", "b"] }));
    expect(graph.nodes).toEqual(["a", "b", "c", "d"]);
    expect(graph.needsOf("d")).toEqual(["c", "b"]);
    expect(graph.dependentsOf("a")).toEqual(["b", "c"]);
    expect(graph.dependentsOf("b")).toEqual(["d"]);
    expect(graph.missing).toEqual([]);
  });

  it("records needs that name no step instead of inventing nodes", () => {
    const graph = buildGraph(steps({ a: ["ghost"], b: ["a"] }));
    expect(graph.nodes).toEqual(["a", "b"]);
    expect(graph.needsOf("a")).toEqual([]);
    expect(graph.missing).toEqual([{ step: "a", need: "ghost" }]);
  });

  it("orders a diamond dependencies first, ties in file order", () => {
    const graph = buildGraph(steps({ join: ["left", "right"], right: ["root"], left: ["root"], root: [] }));
    expect(graph.order()).toEqual(["root", "right", "left", "join"]);
    expect(graph.reverseOrder()).toEqual(["join", "left", "right", "root"]);
  });

  it("gives the same order for the same file every time, and follows file order for independent steps", () => {
    const spec = { z: [], y: [], x: ["z"], w: ["y"], v: [] };
    const first = buildGraph(steps(spec)).order();
    for (let i = 0; i < 5; i++) expect(buildGraph(steps(spec)).order()).toEqual(first);
    expect(first).toEqual(["z", "y", "x", "w", "v"]);
  });

  it("prefers an earlier step as soon as it becomes possible", () => {
    const graph = buildGraph(steps({ a: ["c"], b: [], c: [] }));
    expect(graph.order()).toEqual(["b", "c", "a"]);
  });

  it("handles a 10,000-step chain without deep recursion", () => {
    const chain: GraphStep[] = Array.from({ length: 10_000 }, (_, i) => ({ id: `s${i}`, needs: i ? [`s${i - 1}`] : [] }));
    const graph = buildGraph(chain);
    expect(graph.order()[9_999]).toBe("s9999");
    expect(graph.findCycles()).toEqual([]);
  });
});
