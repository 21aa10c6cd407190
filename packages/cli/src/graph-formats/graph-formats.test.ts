import { describe, expect, it } from "vitest";
import { buildGraph } from "@computeflow/core";
import { renderDot } from "./dot.js";
import { escapeMermaid, renderMermaid } from "./mermaid.js";

const nodes = [
  { id: "cpu-cluster", uses: "amlcompute", action: "provision" },
  { id: "end", uses: "./plugins/we\"ird#.js", action: "attach" },
  { id: "run", uses: "remote-vm", action: "configure-run" },
];
const graph = buildGraph([
  { id: "cpu-cluster", needs: [] },
  { id: "end", needs: [] },
  { id: "run", needs: ["cpu-cluster", "end"] },
]);

describe("renderMermaid", () => {
  it("draws a flowchart with generated ids, quoted labels and dependency -> dependent edges", () => {
    expect(renderMermaid(nodes, graph)).toBe(
      [
        "flowchart TD",
        '  n0["cpu-cluster (amlcompute/provision)"]',
        '  n1["end (./plugins/we#quot;ird#35;.js/attach)"]',
        '  n2["run (remote-vm/configure-run)"]',
        "  n0 --> n2",
        "  n1 --> n2",
        "",
      ].join("\n"),
    );
  });

  it("escapes every character a quoted Mermaid label cannot hold, # first", () => {
    expect(escapeMermaid('a"b<c>#d\ne')).toBe("a#quot;b#lt;c#gt;#35;d e");
  });
});

describe("renderDot", () => {
  it("quotes and escapes every identifier", () => {
    const dot = renderDot('my "wf"', nodes, graph);
    expect(dot).toContain('digraph "my \\"wf\\"" {');
    expect(dot).toContain('  "end" [label="end (./plugins/we\\"ird#.js/attach)"];');
    expect(dot).toContain('  "cpu-cluster" -> "run";');
    expect(dot.trimEnd().endsWith("}")).toBe(true);
  });
});
