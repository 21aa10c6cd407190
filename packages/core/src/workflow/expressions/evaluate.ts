import type { ExpressionNode, RefNode, Template } from "./ast.js";

/** Looks a reference up; throws ExpressionError when it cannot. */
export type Lookup = (ref: RefNode) => unknown;

export function evaluate(node: ExpressionNode, lookup: Lookup): unknown {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "ref":
      return lookup(node);
    case "not":
      return !truthy(evaluate(node.operand, lookup));
    case "binary": {
      const left = evaluate(node.left, lookup);
      if (node.op === "&&") return truthy(left) ? evaluate(node.right, lookup) : left;
      if (node.op === "||") return truthy(left) ? left : evaluate(node.right, lookup);
      const equal = looselyEqual(left, evaluate(node.right, lookup));
      return node.op === "==" ? equal : !equal;
    }
  }
}

/** A whole-string expression keeps its value's type; otherwise values are interpolated as text. */
export function render(template: Template, lookup: Lookup): unknown {
  if (template.whole) {
    const part = template.parts.find((p) => p.kind === "expression");
    return part?.kind === "expression" ? evaluate(part.node, lookup) : undefined;
  }
  return template.parts.map((p) => (p.kind === "text" ? p.value : asText(evaluate(p.node, lookup)))).join("");
}

export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return true;
  return Boolean(value);
}

function looselyEqual(a: unknown, b: unknown): boolean {
  if (a == null || b == null) return a == null && b == null;
  // Outputs are often strings ("4"); compare across types by text so `== 4` still works.
  return typeof a === typeof b ? a === b : String(a) === String(b);
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join(",");
  return String(value);
}
