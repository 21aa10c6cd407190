import { describe, expect, it } from "vitest";
import { buildGraph, type GraphStep } from "./step-graph.js";
import { graphProblems } from "./graph-problems.js";

const steps = (spec: Record<string, string[]>): GraphStep[] =>
  Object.entries(spec).map(([id, needs], i) => ({ id, needs, location: { file: "wf.yaml", line: 10 + i * 3, column: 3 } }));

describe("findCycles", () => {
  it("finds none in a DAG", () => {
    expect(buildGraph(steps({ a: [], b: ["a"], c: ["a", "b"] })).findCycles()).toEqual([]);
  });

  it("reports a three-step cycle as a path starting at its first step in the file", () => {
    const graph = buildGraph(steps({ x: [], b: ["c"], a: ["b"], c: ["a", "x"] }));
    expect(graph.findCycles()).toEqual([["b", "c", "a", "b"]]);
  });

  it("reports a step that needs itself", () => {
    expect(buildGraph(steps({ a: ["a"] })).findCycles()).toEqual([["a", "a"]]);
  });

  it("reports each separate knot once, in file order, with the shortest loop", () => {
    const graph = buildGraph(steps({ p: ["q"], q: ["p", "r"], r: ["p"], s: ["t"], t: ["s"], u: ["p"] }));
    expect(graph.findCycles()).toEqual([
      ["p", "q", "p"],
      ["s", "t", "s"],
    ]);
  });

  it("leaves cyclic steps and everything after them out of the order", () => {
    const graph = buildGraph(steps({ a: [], b: ["c"], c: ["b"], d: ["b"], e: ["a"] }));
    expect(graph.order()).toEqual(["a", "e"]);
  });
});

describe("graphProblems", () => {
  it("turns a cycle into E_CYCLE at the first step of the cycle", () => {
    const graph = buildGraph(steps({ a: ["b"], b: ["c"], c: ["a"] }));
    const [problem, ...rest] = graphProblems(graph);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      code: "E_CYCLE",
      message: "cycle: a -> b -> c -> a",
      severity: "error",
      location: { file: "wf.yaml", line: 10, column: 3 },
    });
    expect(problem!.hint).toContain("a needs b, b needs c, c needs a");
  });

  it("reports missing needs only when asked, with the known steps as a hint", () => {
    const graph = buildGraph(steps({ a: [], b: ["nope"] }));
    expect(graphProblems(graph)).toEqual([]);
    const [problem] = graphProblems(graph, { missingNeeds: true });
    expect(problem).toMatchObject({ code: "E_UNKNOWN_STEP", location: { line: 13 } });
    expect(problem!.message).toContain('"nope"');
    expect(problem!.hint).toBe("steps are: a, b");
  });
});
