import { afterAll, describe, expect, it } from "vitest";
import type { Problem } from "../errors.js";
import { HEADER, TempWorkflows } from "./__fixtures__/temp-workflow.js";
import { loadWorkflow } from "./load-workflow.js";

const temp = new TempWorkflows();
afterAll(() => temp.cleanup());

const brief = (problems: Problem[]) => problems.map((p) => `${p.location?.line}:${p.location?.column} ${p.code} ${p.message}`);

describe("loadWorkflow", () => {
  it("resolves a valid workflow", async () => {
    const file = await temp.write(
      HEADER.replace("subscription_id: sub", "subscription_id: ${{ env.SUB }}") +
        [
          "inputs:",
          "  nodes: { type: number, default: 2 }",
          "defaults: { timeout_minutes: 30, retry: 1 }",
          "steps:",
          "  cpu:",
          "    uses: fixture",
          "    action: provision",
          "    with:",
          "      vm_size: STANDARD_D2_V2",
          "      max_nodes: ${{ inputs.nodes }}",
          "      admin_password: ${{ secrets.PW }}",
          "      conda_file: env.yml",
          "  run:",
          "    uses: ./plugins/local-target.js",
          "    action: configure-run",
          "    retry: { max_attempts: 5, delay_seconds: 2 }",
          "    if: steps.cpu.outputs.state == 'Succeeded'",
          "    with: { framework: python }",
          "  later:",
          "    name: later-${{ inputs.nodes }}",
          "    uses: fixture",
          "    action: configure-run",
          "    needs: run",
          "    continue_on_error: true",
          "    with: { compute: 'c-${{ steps.cpu.outputs.name }}' }",
        ].join("\n"),
      { "env.yml": "name: x\n" },
    );
    const { workflow, problems } = await loadWorkflow(file, { env: { SUB: "sub-1", PW: "hunter2" } });
    expect(problems).toEqual([]);
    expect(workflow).toMatchObject({ name: "test", workspace: { subscriptionId: "sub-1", resourceGroup: "rg", name: "ws" }, inputs: { nodes: 2 }, secrets: ["hunter2"] });
    const [cpu, run, later] = workflow!.steps;
    expect(cpu).toMatchObject({ id: "cpu", name: "cpu", uses: "fixture", action: "provision", needs: [], timeoutMinutes: 30, retry: { maxAttempts: 2 }, continueOnError: false, location: { line: 11, column: 3 } });
    expect(cpu!.plugin.packageName).toBe("computeflow-plugin-fixture");
    expect(cpu!.resolveWith({})).toMatchObject({ value: { vm_size: "STANDARD_D2_V2", max_nodes: 2, admin_password: "hunter2", conda_file: "env.yml" }, secrets: ["hunter2"] });
    expect(run).toMatchObject({ needs: ["cpu"], retry: { maxAttempts: 5, delaySeconds: 2 }, reads: [{ step: "cpu", output: "state" }] });
    expect(cpu!.reads).toEqual([]);
    expect(run!.shouldRun({ cpu: { state: "Succeeded" } }, {})).toBe(true);
    expect(run!.shouldRun({ cpu: { state: "Failed" } }, {})).toBe(false);
    expect(run!.shouldRun({}, { cpu: "skipped" })).toBe(false);
    expect(later).toMatchObject({ name: "later-2", needs: ["cpu", "run"], continueOnError: true, reads: [{ step: "cpu", output: "name" }] });
    expect(later!.resolveWith({ cpu: { name: "cpu" } }).value).toEqual({ compute: "c-cpu" });
    expect(() => later!.resolveWith({})).toThrow(expect.objectContaining({ code: "E_EXPRESSION", message: expect.stringContaining("step `cpu` did not publish output `name`") }));
    expect(() => later!.resolveWith({ cpu: { name: 42 } })).not.toThrow();
    expect(() => run!.resolveWith({})).not.toThrow();
  });

  it("checks values known only at run time against the schema when they are resolved, without quoting them", async () => {
    const file = await temp.write(
      HEADER + "steps:\n  cpu:\n    uses: fixture\n    action: provision\n    with: { vm_size: x }\n  next:\n    uses: fixture\n    action: provision\n    with: { vm_size: '${{ env.SIZE }}', max_nodes: '${{ steps.cpu.outputs.id }}' }\n",
    );
    const { workflow } = await loadWorkflow(file, { env: { SIZE: "Standard_secret_size" } });
    const next = workflow!.steps[1]!;
    expect(next.resolveWith({ cpu: { id: 3 } }).value).toEqual({ vm_size: "Standard_secret_size", max_nodes: 3 });
    let thrown: unknown;
    try {
      next.resolveWith({ cpu: { id: "/computes/cpu" } });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toMatchObject({ code: "E_SCHEMA", message: "step next: `with` does not fit the fixture provision schema once resolved: `max_nodes` must be an integer" });
    expect(JSON.stringify(thrown)).not.toContain("/computes/cpu");
  });

  it("collects problems from every phase, sorted by position", async () => {
    const file = await temp.write(
      HEADER +
        [
          "nmae: typo",
          "steps:",
          "  a:",
          "    uses: fixture",
          "    action: provision",
          "    nedes: [b]",
          "    with:",
          "      vm_size: x",
          "      max_nodes: -1",
          "      admin_password: letmein",
          "      conda_file: missing.yml",
          "  b:",
          "    uses: notinstalled",
          "    action: attach",
          "  c:",
          "    uses: fixture",
          "    action: destroy-all",
          "    needs: [a, bb]",
          "  d:",
          "    uses: fixture",
          "    action: configure-run",
          "    with: { compute: '${{ steps.a.outputs.nmae }}', fail: '${{ steps.zz.outputs.x }}' }",
        ].join("\n"),
    );
    const { workflow, problems } = await loadWorkflow(file, { env: {} });
    expect(workflow).toBeUndefined();
    expect(brief(problems)).toEqual([
      "7:1 E_UNKNOWN_KEY unknown key `nmae` (did you mean `name`?)",
      '9:3 E_COMPUTE_NAME compute name "a" is 1 character long: fixture provision names must be 2 to 16 letters, digits and hyphens, starting with a letter',
      "12:5 E_UNKNOWN_KEY unknown key `nedes` (did you mean `needs`?)",
      "15:18 E_SCHEMA `max_nodes` must be >= 0 (got -1)",
      "16:23 E_LITERAL_SECRET `admin_password` is a secret: it must come from ${{ secrets.NAME }}, not a value written in the workflow file",
      "17:19 E_PATH_NOT_FOUND `conda_file`: no such file missing.yml (" + file.replace("wf.yaml", "missing.yml") + ")",
      '19:11 E_UNKNOWN_PLUGIN unknown plugin "notinstalled": package @computeflow/plugin-notinstalled or computeflow-plugin-notinstalled is not installed',
      '23:13 E_UNSUPPORTED_ACTION plugin "fixture" does not support action "destroy-all"',
      "24:16 E_UNKNOWN_STEP `needs` names step `bb`, which does not exist (did you mean `b`?)",
      "28:27 E_EXPRESSION step `a` has no output `nmae` (did you mean `name`?)",
      "28:64 E_EXPRESSION unknown step `zz` in `steps.zz.outputs.x` (did you mean `a`?)",
    ]);
    expect(problems.find((p) => p.code === "E_UNKNOWN_PLUGIN")?.hint).toBe("npm i -D @computeflow/plugin-notinstalled");
    expect(problems.find((p) => p.code === "E_UNSUPPORTED_ACTION")?.hint).toBe("supported actions: provision, attach, configure-run");
  });

  it("returns every step's id, needs and position even when there are errors, for the cycle check", async () => {
    const file = await temp.write(
      HEADER +
        [
          "steps:",
          "  a:",
          "    uses: fixture",
          "    action: provision",
          "    needs: c",
          "    with: { vm_size: x, max_nodes: -1 }",
          "  b:",
          "    uses: notinstalled",
          "    action: attach",
          "    with: { x: '${{ steps.a.outputs.id }}' }",
          "  c:",
          "    uses: fixture",
          "    action: configure-run",
          "    needs: [b, ghost]",
          "  d: 42",
        ].join("\n"),
    );
    const { workflow, problems, steps } = await loadWorkflow(file, { env: {} });
    expect(workflow).toBeUndefined();
    expect(problems.map((p) => p.code)).toEqual(expect.arrayContaining(["E_SCHEMA", "E_UNKNOWN_PLUGIN", "E_UNKNOWN_STEP"]));
    expect(steps.map((s) => `${s.id}@${s.location?.line}:${s.location?.column} needs ${s.needs.join(",")}`)).toEqual([
      "a@8:3 needs c",
      "b@13:3 needs a",
      "c@17:3 needs b",
      "d@21:3 needs ",
    ]);
  });
});
