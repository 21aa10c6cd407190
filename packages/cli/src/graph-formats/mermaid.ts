import type { StepGraph } from "@computeflow/core";
import { edgesOf, nodeLabel, type GraphNode } from "./graph-node.js";

/**
 * Mermaid `flowchart TD`. Node ids are generated (n0, n1 ...) because step ids may be
 * Mermaid keywords (`end`) or contain edge syntax (`a--x`); labels are quoted, with
 * Mermaid's entity codes for characters a quoted label cannot hold.
 */
export function renderMermaid(nodes: readonly GraphNode[], graph: StepGraph): string {
  const ids = new Map(nodes.map((node, i) => [node.id, `n${i}`]));
  const lines = ["flowchart TD"];
  for (const node of nodes) lines.push(`  ${ids.get(node.id)}["${escapeMermaid(nodeLabel(node))}"]`);
  for (const [from, to] of edgesOf(graph)) {
    const a = ids.get(from);
    const b = ids.get(to);
    if (a && b) lines.push(`  ${a} --> ${b}`);
  }
  return `${lines.join("\n")}\n`;
}

export function escapeMermaid(text: string): string {
  return text
    .replace(/#/g, "#35;")
    .replace(/"/g, "#quot;")
    .replace(/</g, "#lt;")
    .replace(/>/g, "#gt;")
    .replace(/[\r\n]+/g, " ");
}
