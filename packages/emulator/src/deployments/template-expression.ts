/**
 * ARM template expressions: `[func(arg, ...).property[index]]`. Strings are single-quoted
 * ('' inside), numbers are integers, `[[` starts a literal. Anything else is InvalidTemplate.
 */
export type ExprNode =
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "call"; name: string; args: ExprNode[]; access: Access[] };

export type Access = { kind: "property"; name: string } | { kind: "index"; index: ExprNode };

export class TemplateError extends Error {}

/** True when a JSON string is an expression rather than a literal. */
export function isExpression(text: string): boolean {
  return text.startsWith("[") && text.endsWith("]") && !text.startsWith("[[");
}

/** The literal a `[[...` string stands for. */
export function unescapeLiteral(text: string): string {
  return text.startsWith("[[") ? text.slice(1) : text;
}

export function parseExpression(text: string): ExprNode {
  const src = text.slice(1, -1).trim();
  let pos = 0;
  const fail = (why: string): never => {
    throw new TemplateError(`The language expression '${src}' is not valid: ${why} at position ${pos}.`);
  };
  const blank = () => {
    while (pos < src.length && /\s/.test(src[pos]!)) pos++;
  };
  const ident = (): string => {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(pos));
    if (!m) return fail("expected a name");
    pos += m[0].length;
    return m[0];
  };
  const value = (): ExprNode => {
    blank();
    const c = src[pos];
    if (c === "'") {
      let out = "";
      pos++;
      for (;;) {
        if (pos >= src.length) return fail("unterminated string");
        if (src[pos] === "'") {
          if (src[pos + 1] === "'") {
            out += "'";
            pos += 2;
            continue;
          }
          pos++;
          return { kind: "string", value: out };
        }
        out += src[pos++];
      }
    }
    const num = /^-?\d+/.exec(src.slice(pos));
    if (num) {
      pos += num[0].length;
      return { kind: "number", value: Number(num[0]) };
    }
    const name = ident();
    blank();
    if (src[pos] !== "(") return fail(`expected '(' after '${name}'`);
    pos++;
    const args: ExprNode[] = [];
    blank();
    if (src[pos] === ")") pos++;
    else {
      for (;;) {
        args.push(value());
        blank();
        if (src[pos] === ",") {
          pos++;
          continue;
        }
        if (src[pos] === ")") {
          pos++;
          break;
        }
        return fail("expected ',' or ')'");
      }
    }
    const access: Access[] = [];
    for (;;) {
      blank();
      if (src[pos] === ".") {
        pos++;
        access.push({ kind: "property", name: ident() });
      } else if (src[pos] === "[") {
        pos++;
        const index = value();
        blank();
        if (src[pos] !== "]") return fail("expected ']'");
        pos++;
        access.push({ kind: "index", index });
      } else break;
    }
    return { kind: "call", name, args, access };
  };
  const node = value();
  blank();
  if (pos !== src.length) fail("unexpected text after the expression");
  return node;
}

/** Every function name an expression calls (to refuse unknown ones before anything runs). */
export function functionsIn(node: ExprNode): string[] {
  if (node.kind !== "call") return [];
  return [node.name, ...node.args.flatMap(functionsIn), ...node.access.flatMap((a) => (a.kind === "index" ? functionsIn(a.index) : []))];
}
