/** Offsets are relative to the string the expression sits in. */
export type ExpressionNode =
  | { kind: "literal"; value: string | number | boolean | null; start: number; end: number }
  | { kind: "ref"; path: string[]; start: number; end: number }
  | { kind: "not"; operand: ExpressionNode; start: number; end: number }
  | { kind: "binary"; op: "==" | "!=" | "&&" | "||"; left: ExpressionNode; right: ExpressionNode; start: number; end: number };

export type RefNode = Extract<ExpressionNode, { kind: "ref" }>;

/** A string split into literal text and `${{ ... }}` expressions. */
export interface Template {
  parts: TemplatePart[];
  /** The whole string is one expression (surrounding blanks aside): its value keeps its type. */
  whole: boolean;
}

export type TemplatePart = { kind: "text"; value: string } | { kind: "expression"; node: ExpressionNode; start: number; end: number };

export class ExpressionError extends Error {
  constructor(
    message: string,
    /** Offset in the containing string. */
    readonly offset: number,
  ) {
    super(message);
    this.name = "ExpressionError";
  }
}
