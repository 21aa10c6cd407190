import { describe, expect, it } from "vitest";
import { Redactor } from "./redactor.js";

describe("Redactor", () => {
  const canary = "CANARY-s3cr3t-\"x\"";

  it("masks a secret in strings, nested values, JSON and URL encodings", () => {
    const r = new Redactor([canary]);
    expect(r.redact(`token=${canary}!`)).toBe("token=***!");
    expect(r.redact(JSON.stringify({ t: canary }))).not.toContain("s3cr3t");
    expect(r.redact(`a?b=${encodeURIComponent(canary)}`)).toBe("a?b=***");
    expect(r.redactDeep({ a: [canary, 1], b: { c: `x${canary}` } })).toEqual({ a: ["***", 1], b: { c: "x***" } });
  });

  it("learns values added later and ignores very short ones", () => {
    const r = new Redactor();
    r.add("ab");
    r.add("hunter22");
    expect(r.redact("ab hunter22")).toBe("ab ***");
  });
});
