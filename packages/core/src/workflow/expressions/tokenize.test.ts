import { describe, expect, it } from "vitest";
import { ExpressionError } from "./ast.js";
import { tokenize } from "./tokenize.js";

const kinds = (source: string) => tokenize(source).map((t) => ("value" in t ? `${t.kind}:${String(t.value)}` : t.kind));

describe("tokenize", () => {
  it("skips every kind of white space, ASCII or not", () => {
    expect(kinds("\t a\n==\u00a0b\u3000\ufeff&&\r\vc\f")).toEqual(["identifier:a", "operator:==", "identifier:b", "operator:&&", "identifier:c", "end"]);
  });

  it("reads the longest operator first, and every operator", () => {
    expect(kinds("!a != !(b) || c.d")).toEqual(["operator:!", "identifier:a", "operator:!=", "operator:!", "operator:(", "identifier:b", "operator:)", "operator:||", "identifier:c", "operator:.", "identifier:d", "end"]);
  });

  it("reads numbers, but a segment after a dot as a name", () => {
    expect(kinds("-1.5e3 .5 steps.my-step. 0-a")).toEqual(["number:-1500", "number:0.5", "identifier:steps", "operator:.", "identifier:my-step", "operator:.", "identifier:0-a", "end"]);
  });

  it("keeps offsets from `base`, and names an unexpected character where it is", () => {
    expect(tokenize(" a == 'x'", 10).map((t) => [t.start, t.end])).toEqual([[11, 12], [13, 15], [16, 19], [19, 19]]);
    for (const [source, at] of [["a = b", 2], ["a & b", 2], ["a | b", 2], ["a\u2003#", 2]] as const) {
      const error = (() => {
        try {
          tokenize(source);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(ExpressionError);
      expect((error as ExpressionError).offset).toBe(at);
    }
  });
});
