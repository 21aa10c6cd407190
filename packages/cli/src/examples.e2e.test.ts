import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { cliDir, diagnostics, runCli } from "./__fixtures__/run-cli.js";

const root = join(cliDir, "../..");
const examples = join(root, "examples");
// examples/ also holds Conda environment files; a workflow is what has top-level `steps:`.
const workflows = readdirSync(examples)
  .filter((name) => name.endsWith(".yaml") && /^steps:/m.test(readFileSync(join(examples, name), "utf8")))
  .map((name) => `examples/${name}`);
// As a user runs it: from the repository root, without a subscription id.
const options = { cwd: root, env: { AZURE_SUBSCRIPTION_ID: undefined } };

describe.concurrent("the examples (child process, AZURE_SUBSCRIPTION_ID unset)", () => {
  it("validate accepts every example workflow: exit 0, unset variables are warnings", async ({ expect }) => {
    expect(workflows.length).toBeGreaterThanOrEqual(7);
    expect(workflows).toContain("examples/seed-walkthrough.yaml");
    const run = await runCli(["validate", "--json", ...workflows], options);
    const report = JSON.parse(run.stdout) as { valid: boolean; files: { file: string; valid: boolean; problems: { severity: string; code: string }[] }[] };
    expect(report.files.filter((f) => !f.valid).map((f) => ({ file: f.file, problems: f.problems }))).toEqual([]);
    expect(report.files.map((f) => f.file)).toEqual(workflows);
    expect(report.files.flatMap((f) => f.problems).filter((p) => p.severity !== "warning")).toEqual([]);
    expect(run.code).toBe(0);
  });

  it("validate warns where the variable is read, with a hint; no second problem comes of it", async ({ expect }) => {
    const run = await runCli(["validate", "examples/seed-walkthrough.yaml"], options);
    expect(run.code).toBe(0);
    const unset = diagnostics(run.stderr).filter((d) => d.code === "W_ENV_UNSET");
    expect(unset.map((d) => `${d.severity}@${d.line}:${d.column}`)).toEqual(["warning@15:24", "warning@44:39", "warning@69:39"]);
    expect(unset[0]).toMatchObject({ message: "environment variable AZURE_SUBSCRIPTION_ID is not set", hint: expect.stringContaining("export AZURE_SUBSCRIPTION_ID=") });
    expect(diagnostics(run.stderr).every((d) => d.severity === "warning")).toBe(true);
    expect(run.stdout).toContain("examples/seed-walkthrough.yaml: valid (12 steps)");
  });

  it("plan still needs the variable: an error, exit 2, nothing sent", async ({ expect }) => {
    const run = await runCli(["plan", "examples/seed-walkthrough.yaml"], options);
    expect(run.code).toBe(2);
    const found = diagnostics(run.stderr);
    expect(found.map((d) => `${d.severity}[${d.code}]@${d.line}:${d.column}`)).toContain("error[E_INPUT]@15:24");
    expect(found.some((d) => d.code === "W_ENV_UNSET")).toBe(false);
    expect(run.stderr).toContain("nothing was sent to Azure");
  });

  it("a bad --input is reported once, not again where a value reads it", async ({ expect }) => {
    const run = await runCli(["validate", "examples/first-workflow.yaml", "--input", "max_nodes=abc"], options);
    expect(run.code).toBe(2);
    expect(diagnostics(run.stderr).map((d) => `${d.code}@${d.line}:${d.column} ${d.message}`)).toEqual(['E_INPUT@13:3 --input max_nodes=abc: expected a number, got "abc"']);
  });
});
