import { afterAll, describe, expect, it } from "vitest";
import { HEADER, TempWorkflows } from "./__fixtures__/temp-workflow.js";
import { loadWorkflow } from "./load-workflow.js";

// Mistakes a newcomer makes, each reported where it is, with a hint where one helps.
const temp = new TempWorkflows();
afterAll(() => temp.cleanup());

const problemsOf = async (yaml: string) => (await loadWorkflow(await temp.write(yaml))).problems.map((p) => ({ at: `${p.location?.line}:${p.location?.column}`, code: p.code, message: p.message, hint: p.hint }));

describe("loadWorkflow on a newcomer's mistakes", () => {
  it("reports `__proto__` under with: as an unknown key, as it does `constructor`", async () => {
    const problems = await problemsOf(`${HEADER}steps:\n  cpu-a:\n    uses: fixture\n    action: provision\n    with:\n      vm_size: STANDARD_D2_V2\n      __proto__: 5\n`);
    expect(problems).toEqual([expect.objectContaining({ at: "13:7", code: "E_UNKNOWN_KEY", message: expect.stringContaining("`__proto__`") })]);
    const constructor = await problemsOf(`${HEADER}steps:\n  cpu-a:\n    uses: fixture\n    action: provision\n    with:\n      vm_size: STANDARD_D2_V2\n      constructor: 5\n`);
    expect(constructor).toEqual([expect.objectContaining({ at: "13:7", code: "E_UNKNOWN_KEY" })]);
  });

  it("reports a step with no body at the step, not at 1:1", async () => {
    const problems = await problemsOf(`${HEADER}steps:\n  cpu-a:\n  cpu-b:\n    uses: fixture\n    action: provision\n    with: { vm_size: STANDARD_D2_V2 }\n`);
    expect(problems).toEqual([expect.objectContaining({ at: "8:3", code: "E_SCHEMA", message: "`steps.cpu-a` must be an object (got null)" })]);
  });

  it("gives a tab in the indentation a hint", async () => {
    const problems = await problemsOf(`${HEADER}steps:\n\tcpu-a:\n\t\tuses: fixture\n`);
    expect(problems).toEqual([expect.objectContaining({ code: "E_YAML", at: "8:1", hint: expect.stringContaining("indent with spaces") })]);
  });
});

describe("integers Azure cannot take", () => {
  it("refuses an integer in `with` beyond Azure's 32-bit field, at the value", async () => {
    const problems = await problemsOf(`${HEADER}steps:\n  cpu-a:\n    uses: fixture\n    action: provision\n    with:\n      vm_size: STANDARD_D2_V2\n      max_nodes: 1e20\n`);
    expect(problems).toEqual([expect.objectContaining({ at: "13:18", code: "E_SCHEMA", message: "`max_nodes` must be <= 2147483647 (got 100000000000000000000): Azure's field is a 32-bit integer" })]);
  });

  it("takes the largest 32-bit integer", async () => {
    const problems = await problemsOf(`${HEADER}steps:\n  cpu-a:\n    uses: fixture\n    action: provision\n    with:\n      vm_size: STANDARD_D2_V2\n      max_nodes: 2147483647\n`);
    expect(problems).toEqual([]);
  });
});
