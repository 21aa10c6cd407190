import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, repoRoot, run } from "./workspace-packages.js";

type CliArguments = (env: Record<string, string>) => { args?: string[]; error?: string };
const script = join(repoRoot, "action/run.mjs");
const { cliArguments } = (await import(script)) as { cliArguments: CliArguments };

// The Action's script run as GitHub runs it: GITHUB_ACTIONS=true, INPUT_* variables, and the
// environment files GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, against the real CLI.
let workspace: string;
beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), "cf-action-"));
  await copyFile(join(repoRoot, "examples/first-workflow.yaml"), join(workspace, "first-workflow.yaml"));
  await writeFile(join(workspace, "train.py"), "\n");
  await writeFile(join(workspace, "broken.yaml"), "version: 1\nname: broken\nworkspace: { subscription_id: s, resource_group: r, name: w }\nsteps:\n  cpu-cluster:\n    uses: amlcompute\n    action: provision\n    with: { max_nodes: -1 }\n");
});
afterAll(async () => rm(workspace, { recursive: true, force: true }));

async function action(inputs: Record<string, string>) {
  const output = join(workspace, `output-${Math.random().toString(16).slice(2)}`);
  const summary = join(workspace, `summary-${Math.random().toString(16).slice(2)}`);
  await writeFile(output, "");
  await writeFile(summary, "");
  const env = cleanEnv({
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: workspace,
    GITHUB_ACTION_PATH: repoRoot,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    AZURE_SUBSCRIPTION_ID: "",
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  });
  const result = await run(process.execPath, [script], { cwd: workspace, env });
  return { ...result, output: await readFile(output, "utf8"), summary: await readFile(summary, "utf8") };
}

describe("action/run.mjs", () => {
  it("validate: annotations on the file's lines, exit-code and result outputs, the problems in the job summary", async () => {
    const result = await action({ workflow: "broken.yaml", command: "validate" });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("::error file=broken.yaml,line=8,col=24,title=E_SCHEMA::`max_nodes` must be >= 1 (got -1)");
    expect(result.output).toBe("exit-code=2\nresult=invalid\n");
    expect(result.summary).toContain("### computeflow validate `broken.yaml`: invalid");
    expect(result.summary).toContain("broken.yaml:8:24: error[E_SCHEMA]: `max_nodes` must be >= 1 (got -1)");
  });

  it("run on the emulator with inputs and concurrency: succeeded, with the CLI's table of steps in the summary", async () => {
    const result = await action({ workflow: "first-workflow.yaml", command: "run", inputs: "max_nodes=2\n", concurrency: "2", emulator: "true" });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.output).toBe("exit-code=0\nresult=succeeded\n");
    expect(result.summary).toContain("### computeflow run: succeeded");
    expect(result.summary).toMatch(/\| cpu-cluster \| succeeded \| create \|/);
    expect(result.summary).toContain("### computeflow run `first-workflow.yaml`: succeeded");
  });

  it("a wrong input is an ::error before anything runs", async () => {
    const result = await action({ workflow: "first-workflow.yaml", command: "deploy" });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("::error title=computeflow action::input `command` must be one of validate, plan, run, destroy, got \"deploy\"\n");
    expect(result.output).toBe("");
  });
});

describe("cliArguments (the inputs as CLI flags)", () => {
  it("maps every input", () => {
    const env = { INPUT_WORKFLOW: "wf.yaml", INPUT_COMMAND: "plan", INPUT_INPUTS: "a=1\n b=two words \n\n", INPUT_CONCURRENCY: "4", INPUT_EMULATOR: "true", INPUT_PLUGINS: "true" };
    expect(cliArguments(env)).toEqual({ args: ["plan", "wf.yaml", "--input", "a=1", "--input", "b=two words", "--concurrency", "4", "--emulator"] });
    expect(cliArguments({ INPUT_WORKFLOW: "wf.yaml", INPUT_PLUGINS: "false" })).toEqual({ args: ["validate", "wf.yaml", "--no-plugins"] });
  });

  it.each([
    [{ INPUT_COMMAND: "run" }, "input `workflow` is required"],
    [{ INPUT_WORKFLOW: "w", INPUT_COMMAND: "run", INPUT_CONCURRENCY: "0" }, "input `concurrency` must be a whole number"],
    [{ INPUT_WORKFLOW: "w", INPUT_COMMAND: "run", INPUT_INPUTS: "novalue" }, "each line is KEY=VALUE"],
    [{ INPUT_WORKFLOW: "w", INPUT_COMMAND: "run", INPUT_PLUGINS: "false" }, "for validate only"],
    [{ INPUT_WORKFLOW: "w", INPUT_EMULATOR: "yes" }, "must be true or false"],
  ])("refuses %j", (env, message) => {
    expect(cliArguments(env).error).toContain(message);
  });
});
