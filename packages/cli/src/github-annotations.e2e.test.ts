import { describe, expect, it } from "vitest";
import { runCli } from "./__fixtures__/run-cli.js";

// In GitHub Actions, validation problems become annotations on the workflow file's lines
// (GitHub reads `::error file=...,line=...::` from the step's output), besides the usual text.
describe("validate with GITHUB_ACTIONS=true", () => {
  it("prints every problem as an ::error annotation with file, line, column, code and hint", async () => {
    const { code, stdout, stderr } = await runCli(["validate", "src/__fixtures__/workflows/with-range.yaml"], { env: { GITHUB_ACTIONS: "true" } });
    expect(code).toBe(2);
    const annotations = stdout.split("\n").filter((l) => l.startsWith("::"));
    expect(annotations).toHaveLength(3);
    expect(annotations[0]).toBe("::error file=src/__fixtures__/workflows/with-range.yaml,line=13,col=18,title=E_SCHEMA::`max_nodes` must be >= 1 (got -1)");
    expect(annotations[1]).toMatch(/^::error file=src\/__fixtures__\/workflows\/with-range.yaml,line=19,col=18,title=E_SCHEMA::min_nodes \(5\) is greater than max_nodes \(2\)%0Ahint: /);
    expect(stderr).toContain("with-range.yaml:13:18: error[E_SCHEMA]");
  });

  it("prints no annotation outside GitHub Actions", async () => {
    const { stdout } = await runCli(["validate", "src/__fixtures__/workflows/with-range.yaml"], { env: { GITHUB_ACTIONS: "" } });
    expect(stdout).not.toContain("::error");
  });
});
