import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Problem } from "../errors.js";
import { HEADER, TempWorkflows } from "./__fixtures__/temp-workflow.js";
import { loadWorkflow } from "./load-workflow.js";
import type { LoadOptions } from "./types.js";

const temp = new TempWorkflows();
afterAll(() => temp.cleanup());

const brief = (problems: Problem[]) => problems.map((p) => `${p.location ? `${p.location.line}:${p.location.column} ` : ""}${p.code} ${p.message}`);
const INPUTS = "inputs:\n  size: { type: choice, options: [small, large], default: small }\n  nodes: { type: number, required: true }\n  gpu: { type: boolean, default: false }\n";
const step = (withText: string, extra = "") => `steps:\n  cpu:\n    uses: fixture\n    action: provision\n${extra}    with: ${withText}\n`;

async function load(text: string, options: LoadOptions = {}, files: Record<string, string> = {}) {
  const file = await temp.write(text, files);
  return { file, ...(await loadWorkflow(file, { env: {}, ...options })) };
}

describe("inputs", () => {
  it("converts command-line values to the declared types", async () => {
    const { workflow, problems } = await load(HEADER + INPUTS + step("{ vm_size: '${{ inputs.size }}', max_nodes: '${{ inputs.nodes }}' }"), { inputs: { nodes: "3", gpu: "true" } });
    expect(problems).toEqual([]);
    expect(workflow?.inputs).toEqual({ size: "small", nodes: 3, gpu: true });
    expect(workflow?.steps[0]?.resolveWith({}).value).toEqual({ vm_size: "small", max_nodes: 3 });
  });

  it("reports missing, mistyped and unknown inputs", async () => {
    const { problems } = await load(HEADER + INPUTS + step("{ vm_size: x }"), { inputs: { size: "huge", gpu: "yes", nodez: "1" } });
    expect(brief(problems)).toEqual([
      "7:1 E_INPUT --input nodez: the workflow has no input `nodez` (did you mean `nodes`?)",
      '8:3 E_INPUT --input size=huge: expected one of small, large, got "huge"',
      "9:3 E_INPUT input `nodes` is required",
      '10:3 E_INPUT --input gpu=yes: expected true or false, got "yes"',
    ]);
    expect(problems.find((p) => p.message.includes("required"))?.hint).toBe("pass --input nodes=VALUE");
  });

  it("reports a bad or missing input once, not again where a value reads it", async () => {
    const text = HEADER + INPUTS + step("{ vm_size: x, max_nodes: '${{ inputs.nodes }}' }", "    name: c-${{ inputs.nodes }}\n");
    expect(brief((await load(text, { inputs: { nodes: "abc" } })).problems)).toEqual(['9:3 E_INPUT --input nodes=abc: expected a number, got "abc"']);
    expect(brief((await load(text)).problems)).toEqual(["9:3 E_INPUT input `nodes` is required"]);
  });
});

describe("env and secrets", () => {
  it("reads secrets from the environment, then the secrets file, and lists every value for redaction", async () => {
    const text = HEADER + step("{ vm_size: x, admin_password: '${{ secrets.PW }}' }");
    const { workflow, problems } = await load(text, { env: { PW: "from-env" }, secretsFile: "" }, {});
    expect(brief(problems)).toContain("E_INPUT cannot read the secrets file : ENOENT");
    expect(workflow).toBeUndefined();
    const file = await temp.write(text, { ".env": "PW=from-file\n" });
    const loaded = await loadWorkflow(file, { env: { PW: "from-env" }, secretsFile: join(file, "..", ".env") });
    expect(loaded.problems).toEqual([]);
    expect(loaded.workflow?.secrets).toEqual(["from-env"]);
    expect(loaded.workflow?.steps[0]?.resolveWith({})).toMatchObject({ value: { vm_size: "x", admin_password: "from-env" }, secrets: ["from-env"] });
    const fromFile = await loadWorkflow(file, { env: {}, secretsFile: join(file, "..", ".env") });
    expect(fromFile.workflow?.secrets).toEqual(["from-file"]);
  });

  it("reports a missing secret unless secrets are not required", async () => {
    const text = HEADER + step("{ vm_size: x, admin_password: '${{ secrets.PW }}' }");
    const strict = await load(text);
    expect(brief(strict.problems)).toEqual(["11:46 E_MISSING_SECRET secret PW is not set"]);
    const lenient = await load(text, { requireSecrets: false });
    expect(lenient.problems).toEqual([]);
    expect(lenient.workflow?.secrets).toEqual([]);
    expect(() => lenient.workflow?.steps[0]?.resolveWith({})).toThrow(expect.objectContaining({ code: "E_MISSING_SECRET" }));
  });

  it("reads only own values: `env.constructor` is not set", async () => {
    const text = HEADER + step("{ vm_size: '${{ env.constructor }}', admin_password: '${{ secrets.toString }}', labels: { a: '${{ inputs.hasOwnProperty }}' } }");
    expect(brief((await load(text)).problems).map((line) => line.split(" E_")[1])).toEqual([
      "INPUT environment variable constructor is not set",
      "MISSING_SECRET secret toString is not set",
      "EXPRESSION unknown input `hasOwnProperty`",
    ]);
  });

  it("reports an environment variable that is not set, and evaluates the workspace", async () => {
    const text = HEADER.replace("subscription_id: sub", "subscription_id: ${{ env.SUB }}").replace("name: ws", "name: ws-${{ inputs.env }}") + "inputs:\n  env: { type: string, default: dev }\n" + step("{ vm_size: x }");
    expect(brief((await load(text)).problems)).toEqual(["4:24 E_INPUT environment variable SUB is not set"]);
    expect((await load(text, { env: { SUB: "0000" } })).workflow?.workspace).toEqual({ subscriptionId: "0000", resourceGroup: "rg", name: "ws-dev" });
  });

  it("warns of an unset environment variable when secrets are not required (validate, graph), with no second problem from it", async () => {
    const text = HEADER.replace("subscription_id: sub", "subscription_id: ${{ env.SUB }}") + step("{ vm_size: '${{ env.SIZE }}', max_nodes: '${{ env.NODES }}' }", "    name: ${{ env.NAME }}\n");
    const strict = await load(text);
    expect(brief(strict.problems)).toEqual([
      "4:24 E_INPUT environment variable SUB is not set",
      "11:15 E_INPUT environment variable NAME is not set",
      "12:27 E_INPUT environment variable SIZE is not set",
      "12:57 E_INPUT environment variable NODES is not set",
    ]);
    expect(strict.workflow).toBeUndefined();
    const lenient = await load(text, { requireSecrets: false });
    expect(lenient.problems.map((p) => `${p.severity} ${p.location?.line}:${p.location?.column} ${p.code} ${p.message}`)).toEqual([
      "warning 4:24 W_ENV_UNSET environment variable SUB is not set",
      "warning 11:15 W_ENV_UNSET environment variable NAME is not set",
      "warning 12:27 W_ENV_UNSET environment variable SIZE is not set",
      "warning 12:57 W_ENV_UNSET environment variable NODES is not set",
    ]);
    expect(lenient.problems[0]?.hint).toBe("plan, run and destroy need it: export SUB=... before running them");
    expect(lenient.workflow?.steps.map((s) => s.id)).toEqual(["cpu"]);
  });
});

describe("expressions in steps", () => {
  it("reports unknown contexts, inputs and bad syntax where they are", async () => {
    const text = HEADER + step("{ vm_size: '${{ secret.PW }}', labels: { a: '${{ inputs.nope }}', b: '${{ env.X == }}' } }", "    if: steps.cpu.status == 'x'\n");
    expect(brief((await load(text)).problems)).toEqual([
      "11:9 E_EXPRESSION a step cannot read its own outputs (`steps.cpu.status`)",
      "12:27 E_EXPRESSION unknown context `secret` in `secret.PW` (did you mean `secrets`?)",
      "12:60 E_EXPRESSION unknown input `nope`",
      "12:94 E_EXPRESSION expression does not parse: unexpected end of expression",
    ]);
  });

  it("makes steps referenced from `if:` dependencies and reads their status", async () => {
    const text =
      HEADER +
      "steps:\n  a:\n    uses: fixture\n    action: configure-run\n  b:\n    uses: fixture\n    action: configure-run\n    if: ${{ steps.a.status == 'failed' || !steps.a.outputs.file }}\n";
    const { workflow, problems } = await load(text);
    expect(problems).toEqual([]);
    const b = workflow!.steps[1]!;
    expect(b.needs).toEqual(["a"]);
    expect(b.shouldRun({ a: { file: "x" } }, { a: "succeeded" })).toBe(false);
    expect(b.shouldRun({}, { a: "failed" })).toBe(true);
    expect(b.shouldRun({}, { a: "skipped" })).toBe(true);
  });

  it("keeps a constant `if:`; a step runs once with no timeout unless told otherwise", async () => {
    const { workflow } = await load(HEADER + "steps:\n  ab:\n    uses: fixture\n    action: configure-run\n    if: false\n");
    expect(workflow?.steps[0]?.shouldRun({}, {})).toBe(false);
    expect(workflow?.steps[0]).toMatchObject({ retry: { maxAttempts: 1 }, continueOnError: false });
    expect(workflow?.steps[0]?.timeoutMinutes).toBeUndefined();
  });
});
