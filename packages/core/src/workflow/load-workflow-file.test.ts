import { writeFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { HEADER, TempWorkflows } from "./__fixtures__/temp-workflow.js";
import { loadWorkflow } from "./load-workflow.js";

const temp = new TempWorkflows();
afterAll(() => temp.cleanup());

describe("loadWorkflow on bad files", () => {
  it("reports a missing file", async () => {
    const { workflow, problems } = await loadWorkflow("does/not/exist.yaml");
    expect(workflow).toBeUndefined();
    expect(problems).toEqual([{ code: "E_FILE_NOT_FOUND", message: "does/not/exist.yaml: no such file", severity: "error" }]);
  });

  it("refuses binary content at 1:1", async () => {
    const file = await temp.write("");
    await writeFile(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    const { problems } = await loadWorkflow(file);
    expect(problems).toEqual([{ code: "E_BINARY_FILE", message: "this is a binary file, not a YAML workflow", severity: "error", hint: expect.any(String), location: { file, line: 1, column: 1 } }]);
  });

  it("refuses text that is not UTF-8 at the first bad byte, not as a binary file", async () => {
    const file = await temp.write("");
    await writeFile(file, Buffer.from("version: 1\nname: caf\xe9\n", "latin1"));
    const { problems } = await loadWorkflow(file);
    expect(problems).toEqual([expect.objectContaining({ code: "E_ENCODING", message: "invalid UTF-8: byte 0xE9 does not start or continue a character", location: { file, line: 2, column: 10 }, hint: expect.stringContaining("save the file as UTF-8") })]);
  });

  it("places a bad byte after multi-byte characters by character column", async () => {
    const file = await temp.write("");
    await writeFile(file, Buffer.concat([Buffer.from("version: 1\nname: \u00e9t\u00e9 ", "utf8"), Buffer.from([0xff]), Buffer.from("\n")]));
    const { problems } = await loadWorkflow(file);
    expect(problems).toEqual([expect.objectContaining({ code: "E_ENCODING", location: { file, line: 2, column: 11 } })]);
  });

  it.each([
    ["", "E_EMPTY_FILE", 1, 1],
    ["- a\n- b\n", "E_NOT_A_MAPPING", 1, 1],
    ["version: 1\nsteps: {a: [1,\n", "E_YAML", 3, 1],
  ])("reports %j as %s", async (text, code, line, column) => {
    const file = await temp.write(text);
    const { problems } = await loadWorkflow(file);
    expect(problems).toEqual([expect.objectContaining({ code, location: { file, line, column } })]);
  });

  it("reports duplicate keys together with schema problems", async () => {
    const file = await temp.write(HEADER + "steps:\n  a:\n    uses: fixture\n    action: provision\n    uses: fixture\n");
    const { problems } = await loadWorkflow(file);
    expect(problems.map((p) => `${p.location?.line}:${p.location?.column} ${p.code} ${p.message}`)).toEqual([
      '8:3 E_COMPUTE_NAME compute name "a" is 1 character long: fixture provision names must be 2 to 16 letters, digits and hyphens, starting with a letter',
      "8:3 E_SCHEMA `with` is missing required key `vm_size`",
      '11:5 E_DUPLICATE_KEY duplicate key "uses" (first defined on line 9)',
    ]);
  });

  it("names every missing top-level key", async () => {
    const file = await temp.write("version: 1\n");
    const { problems } = await loadWorkflow(file);
    expect(problems.map((p) => p.message)).toEqual([
      "the workflow is missing required key `name`",
      "the workflow is missing required key `workspace`",
      "the workflow is missing required key `steps`",
    ]);
  });
});

describe("loadWorkflow reports each mistake once", () => {
  it("leaves a `with` that is not a mapping and a broken name to one problem each", async () => {
    const file = await temp.write(HEADER + "steps:\n  cpu:\n    name: ${{ inputs.x\n    uses: fixture\n    action: provision\n    with: [vm_size]\n");
    const { problems } = await loadWorkflow(file);
    expect(problems.map((p) => `${p.location?.line}:${p.location?.column} ${p.code} ${p.message}`)).toEqual([
      "9:11 E_EXPRESSION expression does not parse: `${{` without a closing `}}`",
      "12:11 E_SCHEMA `steps.cpu.with` must be an object (got a list)",
    ]);
  });
});
