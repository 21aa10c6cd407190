import type { ExpressionNode, RefNode, Template } from "./ast.js";

// Templates are immutable and shared (parseTemplate caches them): their references are found once.
const known = new WeakMap<Template, readonly RefNode[]>();

/** Every context reference in a template, in source order. */
export function templateReferences(template: Template): readonly RefNode[] {
  let refs = known.get(template);
  if (!refs) {
    refs = template.parts.flatMap((p) => (p.kind === "expression" ? nodeReferences(p.node) : []));
    known.set(template, refs);
  }
  return refs;
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
