import { describe, expect, it } from "vitest";
import { copyData } from "./copy-data.js";

describe("copyData", () => {
  it("copies nested objects and arrays deeply, leaving the original unchanged", () => {
    const original = { a: 1, b: { c: [1, { d: "x" }], e: null }, f: [true, "s"] };
    const copy = copyData(original);
    expect(copy).toEqual(original);
    (copy.b.c[1] as { d: string }).d = "changed";
    copy.f.push(false);
    expect(original).toEqual({ a: 1, b: { c: [1, { d: "x" }], e: null }, f: [true, "s"] });
    expect(copy.b).not.toBe(original.b);
  });

  it("keeps a key named __proto__ as data, as JSON.parse and structuredClone do", () => {
    const original = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    const copy = copyData(original);
    expect(Object.keys(copy)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});
