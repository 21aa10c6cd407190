import type { ExpressionNode, RefNode, Template } from "./ast.js";

/** Every context reference in a template, in source order. */
export function templateReferences(template: Template): RefNode[] {
  return template.parts.flatMap((p) => (p.kind === "expression" ? nodeReferences(p.node) : []));
}

export function nodeReferences(node: ExpressionNode): RefNode[] {
  switch (node.kind) {
    case "literal":
      return [];
    case "ref":
      return [node];
    case "not":
      return nodeReferences(node.operand);
    case "binary":
      return [...nodeReferences(node.left), ...nodeReferences(node.right)];
  }
}
