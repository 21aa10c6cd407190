import { describe, expect, it } from "vitest";
import { error, hasErrors, sortProblems, warning } from "./problems.js";

const at = (file: string, line: number, column: number) => ({ file, line, column });

describe("sortProblems", () => {
  it("puts unplaced problems first, then the workflow's by position, then other files'", () => {
    const problems = [
      error("E_B", "b", at("wf.yaml", 3, 1)),
      error("E_ENV", "env", at(".env", 1, 1)),
      error("E_A2", "a2", at("wf.yaml", 1, 9)),
      error("E_NONE", "none"),
      warning("E_A1", "a1", at("wf.yaml", 1, 2)),
    ];
    expect(sortProblems(problems, "wf.yaml").map((p) => p.code)).toEqual(["E_NONE", "E_A1", "E_A2", "E_B", "E_ENV"]);
  });

  it("counts only errors as errors", () => {
    expect(hasErrors([warning("W", "w")])).toBe(false);
    expect(hasErrors([warning("W", "w"), error("E", "e")])).toBe(true);
  });
});
