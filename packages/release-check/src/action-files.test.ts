import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./workspace-packages.js";

// GitHub's own file formats, checked against SchemaStore's schemas (kept as data, see
// __fixtures__/schemastore/README.md): the example workflow and the Action's metadata.
const schema = (name: string) => JSON.parse(readFileSync(new URL(`./__fixtures__/schemastore/${name}`, import.meta.url), "utf8")) as object;
const yaml = (path: string) => load(readFileSync(join(repoRoot, path), "utf8")) as Record<string, any>;

function errorsOf(schemaName: string, document: unknown): string[] {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, allowUnionTypes: true });
  const validate = ajv.compile(schema(schemaName));
  return validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const workflow = yaml("examples/.github/workflows/computeflow.yml");
const action = yaml("action.yml");

describe("examples/.github/workflows/computeflow.yml", () => {
  it("is valid against GitHub's workflow schema", () => {
    expect(errorsOf("github-workflow.json", workflow)).toEqual([]);
  });

  it("the schema does refuse a broken workflow (it is really checking)", () => {
    expect(errorsOf("github-workflow.json", { ...workflow, jobs: { plan: { "runs-on": "ubuntu-latest", stepz: [] } } })).not.toEqual([]);
  });

  it("validates without plugins on forks, plans on same-repository pull requests, runs on main", () => {
    const step = (job: string) => (workflow.jobs[job].steps as Record<string, any>[]).find((s) => String(s.uses).startsWith("computeflow/computeflow@"));
    expect(workflow.jobs["validate-fork"].if).toContain("head.repo.full_name != github.repository");
    expect(step("validate-fork")?.with).toMatchObject({ command: "validate", plugins: "false" });
    expect(workflow.jobs["validate-fork"].permissions).toBeUndefined();
    expect(workflow.jobs.plan.if).toContain("head.repo.full_name == github.repository");
    expect(step("plan")?.with).toMatchObject({ command: "plan" });
    expect(workflow.jobs.run.if).toContain("refs/heads/main");
    expect(step("run")?.with).toMatchObject({ command: "run" });
    for (const job of ["plan", "run"]) {
      expect(workflow.jobs[job].permissions).toMatchObject({ "id-token": "write" });
      expect((workflow.jobs[job].steps as Record<string, any>[]).some((s) => String(s.uses).startsWith("azure/login@"))).toBe(true);
    }
  });
});

describe("action.yml", () => {
  it("is valid against GitHub's action metadata schema", () => {
    expect(errorsOf("github-action.json", action)).toEqual([]);
  });

  it("is a composite action with the inputs the README documents, each passed to the script", () => {
    expect(action.runs.using).toBe("composite");
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(["workflow", "command", "inputs", "concurrency", "emulator", "plugins"]));
    const script = (action.runs.steps as Record<string, any>[]).find((s) => String(s.run).includes("action/run.mjs"));
    for (const name of ["workflow", "command", "inputs", "concurrency", "emulator", "plugins"]) {
      expect(script?.env[`INPUT_${name.toUpperCase()}`]).toBe(`\${{ inputs.${name} }}`);
    }
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    for (const name of Object.keys(action.inputs)) expect(readme).toContain(`| \`${name}\` |`);
  });
});
