import { describe, expect, it } from "vitest";
import { isoDurationSeconds } from "./iso-duration.js";

describe("isoDurationSeconds", () => {
  it.each([
    ["PT120S", 120],
    ["PT5M", 300],
    ["PT1H30M", 5400],
    ["P1DT1S", 86401],
  ])("%s = %i s", (text, seconds) => {
    expect(isoDurationSeconds(text)).toBe(seconds);
  });

  it.each(["", "P", "PT", "120", "PT5X", 5])("rejects %s", (text) => {
    expect(isoDurationSeconds(text)).toBeUndefined();
  });
});
