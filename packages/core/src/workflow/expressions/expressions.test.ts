import { describe, expect, it } from "vitest";
import { ExpressionError } from "./ast.js";
import type { RefNode } from "./ast.js";
import { evaluate, render } from "./evaluate.js";
import { parseExpression } from "./parse.js";
import { templateReferences } from "./references.js";
import { parseTemplate } from "./template.js";

const values: Record<string, unknown> = { "inputs.n": 4, "env.HOME": "/home/u", "steps.a.outputs.state": "Succeeded", "inputs.flag": false };
const lookup = (ref: RefNode) => {
  const key = ref.path.join(".");
  if (!(key in values)) throw new ExpressionError(`unknown ${key}`, ref.start);
  return values[key];
};
const run = (source: string) => evaluate(parseExpression(source), lookup);

describe("expressions", () => {
  it.each([
    ["inputs.n", 4],
    ["'it''s'", "it's"],
    ['"a\\"b"', 'a"b'],
    ["-1.5", -1.5],
    ["true && null", null],
    ["inputs.n == 4", true],
    ["inputs.n == '4'", true],
    ["inputs.n != 4", false],
    ["!inputs.flag", true],
    ["!(inputs.n == 4) || steps.a.outputs.state == 'Succeeded'", true],
    ["inputs.flag || 'fallback'", "fallback"],
    ["null == null", true],
    ["null == 0", false],
  ])("%s -> %j", (source, expected) => {
    expect(run(source)).toEqual(expected);
  });

  it("binds && tighter than ||", () => {
    expect(parseExpression("true || false && false")).toMatchObject({ op: "||", right: { op: "&&" } });
  });

  it("parses step ids with hyphens and keeps offsets", () => {
    expect(parseExpression("steps.dsvm-run.outputs.name", 10)).toEqual({ kind: "ref", path: ["steps", "dsvm-run", "outputs", "name"], start: 10, end: 37 });
  });

  it.each([
    ["", "empty expression", 0],
    ["inputs.", "unexpected end of expression", 7],
    ["a ==", "unexpected end of expression", 4],
    ["a b", "unexpected `b`", 2],
    ["(a", "unexpected end of expression", 2],
    ["a = b", "unexpected character `=`", 2],
    ["'open", "unterminated string", 0],
    ["format('x')", "`format` is not a function: expressions have no function calls", 0],
    ["a + b", "unexpected character `+`", 2],
  ])("refuses %j", (source, message, offset) => {
    expect(() => parseExpression(source)).toThrow(message);
    try {
      parseExpression(source);
    } catch (e) {
      expect((e as ExpressionError).offset).toBe(offset);
    }
  });
});

describe("templates", () => {
  it("keeps the type of a whole-string expression", () => {
    expect(render(parseTemplate("${{ inputs.n }}"), lookup)).toBe(4);
    expect(render(parseTemplate("  ${{ inputs.flag }} "), lookup)).toBe(false);
  });

  it("interpolates embedded expressions as text", () => {
    expect(render(parseTemplate("n=${{ inputs.n }}, home=${{env.HOME}}/x"), lookup)).toBe("n=4, home=/home/u/x");
    expect(render(parseTemplate("${{ inputs.n }}${{ inputs.n }}"), lookup)).toBe("44");
  });

  it("finds `}}` outside string literals only", () => {
    expect(render(parseTemplate("${{ '}}' }}"), lookup)).toBe("}}");
  });

  it("reports offsets inside the string", () => {
    expect(() => parseTemplate("abc ${{ inputs.n")).toThrow("`${{` without a closing `}}`");
    try {
      parseTemplate("abc ${{ inputs. }}");
    } catch (e) {
      expect((e as ExpressionError).offset).toBe(16);
    }
  });

  it("lists references in order", () => {
    const refs = templateReferences(parseTemplate("${{ steps.a.outputs.x }}-${{ !secrets.B || env.C }}"));
    expect(refs.map((r) => r.path.join("."))).toEqual(["steps.a.outputs.x", "secrets.B", "env.C"]);
  });
});
