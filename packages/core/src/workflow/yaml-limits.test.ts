import { parseEvents } from "js-yaml";
import { describe, expect, it } from "vitest";
import { aliasExpansionBreach } from "./yaml-limits.js";

const breach = (text: string, cap?: number) => aliasExpansionBreach(parseEvents(text, {}), text, cap);

describe("aliasExpansionBreach", () => {
  it("counts what aliases expand to, not how many there are", () => {
    const text = "a: &a [x, x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n";
    // *a adds 4 nodes each (so b is 9 nodes), *b adds 9 each: 4 + 4 + 9 + 9 = 26 in all.
    expect(breach(text, 26)).toBeUndefined();
    const over = breach(text, 25);
    expect(over?.offset).toBe(text.lastIndexOf("*b"));
    expect(over?.message).toMatch(/alias \*b takes the document over 25 nodes/);
  });

  it("accepts documents without aliases and unknown aliases alike", () => {
    expect(breach("a: [1, 2, 3]\n", 0)).toBeUndefined();
  });
});
