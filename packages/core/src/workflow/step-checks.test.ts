import { homedir } from "node:os";
import { afterAll, describe, expect, it } from "vitest";
import type { Problem } from "../errors.js";
import { HEADER, TempWorkflows } from "./__fixtures__/temp-workflow.js";
import { loadWorkflow } from "./load-workflow.js";

const temp = new TempWorkflows();
afterAll(() => temp.cleanup());

const brief = (problems: Problem[]) => problems.map((p) => `${p.location?.line}:${p.location?.column} ${p.severity} ${p.code} ${p.message}`);
const load = async (steps: string[], files?: Record<string, string>, env: Record<string, string> = {}) =>
  loadWorkflow(await temp.write(HEADER + "steps:\n" + steps.join("\n") + "\n", files), { env });

describe("step checks", () => {
  it("refuses two steps claiming one compute name, whatever the case", async () => {
    const { problems } = await load([
      "  gpu:",
      "    uses: fixture",
      "    action: provision",
      "    with: { vm_size: x }",
      "  other:",
      "    name: GPU",
      "    uses: fixture",
      "    action: attach",
      "    with: { resource_id: /r/1 }",
    ]);
    expect(brief(problems)).toEqual(['13:11 error E_DUPLICATE_NAME compute name "GPU" is already used by step `gpu` (line 8)']);
    expect(problems[0]?.hint).toContain("another `name:`");
  });

  it("refuses attaching one resource twice, with the document's warning as hint", async () => {
    const { problems } = await load([
      "  dsvm:",
      "    uses: fixture",
      "    action: attach",
      "    with: { resource_id: /subscriptions/s/vm/DSVM }",
      "  dsvm-again:",
      "    uses: fixture",
      "    action: attach",
      "    with: { resource_id: /subscriptions/s/vm/dsvm }",
    ]);
    expect(brief(problems)).toEqual(["15:5 error E_DUPLICATE_ATTACHMENT step `dsvm-again` attaches the same resource as step `dsvm` (line 8)"]);
    expect(problems[0]?.hint).toContain("each new attachment of a resource breaks the previous one");
  });

  it("checks an explicit compute name at the name", async () => {
    const { problems } = await load(["  ok:", "    name: 9lives-and-then-some-more", "    uses: fixture", "    action: provision", "    with: { vm_size: x }"]);
    expect(brief(problems)).toEqual([
      '9:11 error E_COMPUTE_NAME compute name "9lives-and-then-some-more" is 25 characters long: fixture provision names must be 2 to 16 letters, digits and hyphens, starting with a letter',
    ]);
  });

  it("accepts a secret field fed by a secret, and refuses literals and non-secret expressions", async () => {
    const { problems } = await load(
      [
        "  good:",
        "    uses: fixture",
        "    action: provision",
        "    with: { vm_size: x, admin_password: '${{ secrets.PW }}' }",
        "  literal:",
        "    uses: fixture",
        "    action: provision",
        "    with: { vm_size: x, admin_password: hunter2 }",
        "  from-env:",
        "    uses: fixture",
        "    action: provision",
        "    with: { vm_size: x, admin_password: 'pw-${{ env.USER_NAME }}' }",
      ],
      {},
      { PW: "s3cret", USER_NAME: "me" },
    );
    expect(brief(problems).map((line) => line.split(" is a secret")[0])).toEqual(["15:41 error E_LITERAL_SECRET `admin_password`", "19:41 error E_LITERAL_SECRET `admin_password`"]);
    expect(problems.map((p) => p.message + (p.hint ?? "")).join()).not.toContain("hunter2");
    expect(problems[0]?.hint).toBe("write `admin_password: ${{ secrets.ADMIN_PASSWORD }}` and set ADMIN_PASSWORD in the environment or in the --secrets-file");
  });

  it("never echoes a literal written in a secret field", async () => {
    const { problems } = await load(["  cpu:", "    uses: fixture", "    action: provision", "    with: { vm_size: x, admin_password: 9876543 }"]);
    expect(brief(problems)).toEqual([
      "11:41 error E_SCHEMA `admin_password` must be a string",
      "11:41 error E_LITERAL_SECRET `admin_password` is a secret: it must come from ${{ secrets.NAME }}, not a value written in the workflow file",
    ]);
    expect(JSON.stringify(problems)).not.toContain("9876543");
  });

  it("checks path fields relative to the workflow, expanding ~", async () => {
    const { problems } = await load(
      [
        "  here:",
        "    uses: fixture",
        "    action: provision",
        "    with: { vm_size: x, conda_file: envs/conda.yml }",
        "  home:",
        "    uses: fixture",
        "    action: provision",
        "    with: { vm_size: x, conda_file: ~/surely-not-here-computeflow.yml }",
      ],
      { "envs/conda.yml": "name: x\n" },
    );
    expect(brief(problems)).toEqual([`15:37 error E_PATH_NOT_FOUND \`conda_file\`: no such file ~/surely-not-here-computeflow.yml (${homedir()}/surely-not-here-computeflow.yml)`]);
  });

  it("maps the action's own checks to positions; warnings do not block", async () => {
    const bad = await load(["  cpu:", "    uses: fixture", "    action: provision", "    with:", "      vm_size: x", "      min_nodes: 5", "      max_nodes: 2"]);
    expect(brief(bad.problems)).toEqual(["13:18 error E_SCHEMA min_nodes (5) must not exceed max_nodes (2)"]);
    expect(bad.problems[0]?.hint).toBe("lower min_nodes");
    const warned = await load(["  cpu:", "    uses: fixture", "    action: provision", "    with: { vm_size: STANDARD_NC6 }"]);
    expect(brief(warned.problems)).toEqual(["11:22 warning E_SCHEMA NC6 is retired"]);
    expect(warned.workflow?.steps).toHaveLength(1);
  });

  it("leaves values known only at run time to the run, but checks the rest", async () => {
    const { problems, workflow } = await load([
      "  cpu:",
      "    uses: fixture",
      "    action: provision",
      "    with: { vm_size: x }",
      "  next:",
      "    uses: fixture",
      "    action: provision",
      "    with: { vm_size: x, max_nodes: '${{ steps.cpu.outputs.name }}', min_nodes: 'two' }",
    ]);
    expect(brief(problems)).toEqual(['15:80 error E_SCHEMA `min_nodes` must be an integer (got "two")']);
    expect(workflow).toBeUndefined();
  });

  it("refuses a step on a target its plugin declares unsupported, at `uses:`, with the plugin's reason and hint", async () => {
    const { problems, workflow } = await load(["  dev:", "    uses: gone", "    action: provision", "    with: { anything: 1 }"]);
    expect(brief(problems)).toEqual(["9:11 error E_UNSUPPORTED_TARGET gone targets cannot be managed by a workflow"]);
    expect(problems[0]?.hint).toBe("use `uses: fixture`");
    expect(workflow).toBeUndefined();
  });
});
