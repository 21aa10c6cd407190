import { describe, expect, it } from "vitest";
import { shapeMismatches } from "./shape.js";

describe("shapeMismatches (the examples replay's comparator)", () => {
  it("reports missing keys and type changes, ignores values, null examples and tag keys", () => {
    const example = { a: 1, b: { c: "x", d: [{ e: true }] }, n: null, tags: { k: "v" } };
    expect(shapeMismatches(example, { a: 2, b: { c: "y", d: [{ e: false }] }, n: 3, tags: {} })).toEqual([]);
    expect(shapeMismatches(example, { a: "2", b: { d: [{ e: 1 }] }, tags: {} })).toEqual([
      "$.a: expected number, got string",
      "$.b.c: missing",
      "$.b.d[0].e: expected boolean, got number",
      "$.n: missing",
    ]);
  });
});
