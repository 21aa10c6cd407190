import { describe, expect, it } from "vitest";
import { parseDotenv } from "./dotenv.js";

describe("parseDotenv", () => {
  it("reads plain, quoted and exported values, skipping comments", () => {
    const text = '# secrets\nA=1\nexport B = two words # note\nC="line\\nbreak \\"q\\""\nD=\'raw # kept\'\nE=\n';
    expect(parseDotenv(text)).toEqual({ values: { A: "1", B: "two words", C: 'line\nbreak "q"', D: "raw # kept", E: "" }, errors: [] });
  });

  it("names lines it cannot read", () => {
    expect(parseDotenv("A=1\nnot a pair\n").errors).toEqual([{ line: 2, message: "expected KEY=value" }]);
  });
});
