import { ExpressionError } from "./ast.js";

export type Token =
  | { kind: "identifier"; value: string; start: number; end: number }
  | { kind: "number"; value: number; start: number; end: number }
  | { kind: "string"; value: string; start: number; end: number }
  | { kind: "operator"; value: string; start: number; end: number }
  | { kind: "end"; start: number; end: number };

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_-]*/y;
const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;

/** Splits `source` (the text between `${{` and `}}`) into tokens; `base` is its offset in the string. */
export function tokenize(source: string, base = 0): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? "";
    if (isSpace(ch)) {
      i++;
      continue;
    }
    const start = base + i;
    if (ch === "'" || ch === '"') {
      const { value, next } = readString(source, i, base);
      tokens.push({ kind: "string", value, start, end: base + next });
      i = next;
      continue;
    }
    const operator = operatorAt(source, i, ch);
    const previous = tokens[tokens.length - 1];
    const afterDot = previous?.kind === "operator" && previous.value === ".";
    const text = !afterDot && (ch === "-" || ch === "." || (ch >= "0" && ch <= "9")) ? match(NUMBER, source, i) : undefined;
    if (text) {
      tokens.push({ kind: "number", value: Number(text), start, end: start + text.length });
      i += text.length;
      continue;
    }
    if (operator) {
      tokens.push({ kind: "operator", value: operator, start, end: start + operator.length });
      i += operator.length;
      continue;
    }
    const word = match(IDENTIFIER, source, i) ?? (afterDot ? match(/[A-Za-z0-9_-]+/y, source, i) : undefined);
    if (word) {
      tokens.push({ kind: "identifier", value: word, start, end: start + word.length });
      i += word.length;
      continue;
    }
    throw new ExpressionError(`unexpected character \`${ch}\``, start);
  }
  tokens.push({ kind: "end", start: base + source.length, end: base + source.length });
  return tokens;
}

// Character tests without a regular expression per character: expressions are parsed for
// every step of a workflow (each `${{ steps.X.outputs.Y }}` is its own text).
function isSpace(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  return code > 127 && /\s/.test(ch);
}

/** The operator at `i` (`==` `!=` `&&` `||` `!` `(` `)` `.`), longest first. */
function operatorAt(source: string, i: number, ch: string): string | undefined {
  switch (ch) {
    case "=":
      return source.startsWith("==", i) ? "==" : undefined;
    case "!":
      return source.startsWith("!=", i) ? "!=" : "!";
    case "&":
      return source.startsWith("&&", i) ? "&&" : undefined;
    case "|":
      return source.startsWith("||", i) ? "||" : undefined;
    case "(":
    case ")":
    case ".":
      return ch;
    default:
      return undefined;
  }
}

function match(pattern: RegExp, source: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(source)?.[0];
}

function readString(source: string, open: number, base: number): { value: string; next: number } {
  const quote = source[open];
  let value = "";
  let i = open + 1;
  while (i < source.length) {
    const ch = source[i];
    if (ch === quote) {
      if (quote === "'" && source[i + 1] === "'") {
        value += "'";
        i += 2;
        continue;
      }
      return { value, next: i + 1 };
    }
    if (quote === '"' && ch === "\\" && i + 1 < source.length) {
      value += source[i + 1];
      i += 2;
      continue;
    }
    value += ch;
    i++;
  }
  throw new ExpressionError("unterminated string", base + open);
}
