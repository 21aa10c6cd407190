import type { StepGraph } from "@computeflow/core";
import { edgesOf, nodeLabel, type GraphNode } from "./graph-node.js";

/** Graphviz DOT, every identifier quoted. */
export function renderDot(name: string, nodes: readonly GraphNode[], graph: StepGraph): string {
  const lines = [`digraph ${quoteDot(name)} {`, "  rankdir=TB;", "  node [shape=box];"];
  for (const node of nodes) lines.push(`  ${quoteDot(node.id)} [label=${quoteDot(nodeLabel(node))}];`);
  for (const [from, to] of edgesOf(graph)) lines.push(`  ${quoteDot(from)} -> ${quoteDot(to)};`);
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

export function quoteDot(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r?\n/g, "\\n")}"`;
}
