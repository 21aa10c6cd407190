import { describe, expect, it } from "vitest";
import { closest, didYouMean, levenshtein } from "./did-you-mean.js";

describe("levenshtein", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["kitten", "sitting", 3],
    ["max_node", "max_nodes", 1],
    ["nedes", "needs", 2],
  ])("%s -> %s = %i", (a, b, d) => {
    expect(levenshtein(a, b)).toBe(d);
    expect(levenshtein(b, a)).toBe(d);
  });
});

describe("closest", () => {
  const keys = ["uses", "action", "with", "needs", "if", "timeout_minutes", "retry", "continue_on_error", "name"];
  it("suggests the nearest key for a typo", () => {
    expect(closest("nedes", keys)).toBe("needs");
    expect(closest("timeout_minute", keys)).toBe("timeout_minutes");
    expect(closest("Uses", keys)).toBe("uses");
  });
  it("suggests nothing for an unrelated word", () => {
    expect(closest("banana", keys)).toBeUndefined();
    expect(didYouMean("banana", keys)).toBe("");
  });
  it("formats the suggestion", () => {
    expect(didYouMean("actoin", keys)).toBe(" (did you mean `action`?)");
  });
});
