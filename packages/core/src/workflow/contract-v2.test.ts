import { afterAll, describe, expect, it } from "vitest";
import type { Problem } from "../errors.js";
import { HEADER, TempWorkflows } from "./__fixtures__/temp-workflow.js";
import { loadWorkflow } from "./load-workflow.js";

const temp = new TempWorkflows();
afterAll(() => temp.cleanup());

const brief = (problems: Problem[]) => problems.map((p) => `${p.location?.line}:${p.location?.column} ${p.severity} ${p.code} ${p.message}`);
const load = async (steps: string[]) => loadWorkflow(await temp.write(HEADER + "steps:\n" + steps.join("\n") + "\n"), { env: {} });

// Lines: HEADER is 6 lines, "steps:" is line 7, so a step's key is line 8.
describe("plugin API 2 at validate", () => {
  it("applies schema defaults before check: min_nodes above the default max_nodes fails at the min_nodes line", async () => {
    const { problems, workflow } = await load(["  big:", "    uses: fixture-v2", "    action: provision", "    with:", "      vm_size: x", "      min_nodes: 6"]);
    expect(workflow).toBeUndefined();
    expect(brief(problems)).toEqual(["13:18 error E_SCHEMA min_nodes (6) is more than max_nodes (4, its default)"]);
  });

  it("still points at max_nodes when the file sets it", async () => {
    const { problems } = await load(["  big:", "    uses: fixture-v2", "    action: provision", "    with: { vm_size: x, min_nodes: 6, max_nodes: 2 }"]);
    expect(brief(problems)).toEqual(["11:50 error E_SCHEMA min_nodes (6) is more than max_nodes (2)"]);
  });

  it("hands hooks `with` with the defaults applied", async () => {
    const { workflow } = await load(["  ok:", "    uses: fixture-v2", "    action: provision", "    with: { vm_size: x, min_nodes: 1 }"]);
    expect(workflow?.steps[0]?.resolveWith({}).value).toEqual({ vm_size: "x", min_nodes: 1, max_nodes: 4 });
  });

  it("shows check a run-time value as Unresolved, not as its default and not as text", async () => {
    const { problems } = await load([
      "  first:",
      "    uses: fixture-v2",
      "    action: provision",
      "    with: { vm_size: x }",
      "  second:",
      "    uses: fixture-v2",
      "    action: provision",
      "    with: { vm_size: '${{ steps.first.outputs.name }}', min_nodes: 2 }",
    ]);
    expect(brief(problems)).toEqual(["15:22 warning E_SCHEMA vm_size known at run time: ${{ steps.first.outputs.name }}"]);
  });

  it("reports a check that throws as E_PLUGIN naming the plugin and the hook", async () => {
    const { problems } = await load(["  bad:", "    uses: fixture-v2", "    action: provision", "    with: { vm_size: x, explode: true }"]);
    expect(brief(problems)).toEqual([
      "11:5 error E_PLUGIN plugin \"fixture-v2\" (computeflow-plugin-fixture-v2) failed in check: cannot read properties of undefined (reading 'nodes')",
    ]);
  });

  it("reports an attachedResource that throws as E_PLUGIN, and the duplicate-attachment guard still works", async () => {
    const { problems } = await load([
      "  broken:",
      "    uses: fixture-v2",
      "    action: attach",
      "    with: { resource_id: explode }",
      "  one:",
      "    uses: fixture-v2",
      "    action: attach",
      "    with: { resource_id: /subscriptions/s/vm/A }",
      "  two:",
      "    uses: fixture-v2",
      "    action: attach",
      "    with: { resource_id: /subscriptions/s/vm/a }",
    ]);
    expect(brief(problems)).toEqual([
      '11:5 error E_PLUGIN plugin "fixture-v2" (computeflow-plugin-fixture-v2) failed in attachedResource: resource ids must start with /subscriptions',
      "19:5 error E_DUPLICATE_ATTACHMENT step `two` attaches the same resource as step `one` (line 12)",
    ]);
  });
});
