import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadWorkflow } from "@computeflow/core";

async function load(steps: string) {
  const dir = await mkdtemp(join(tmpdir(), "aci-wf-"));
  const file = join(dir, "wf.yaml");
  await writeFile(file, `version: 1\nname: t\nworkspace: { subscription_id: s, resource_group: ml-rg, name: ml-ws }\nsteps:\n${steps}`);
  return loadWorkflow(file, { env: {} });
}

describe("uses: aci", () => {
  it("is rejected at validation, at the step's uses:, with the document's explanation", async () => {
    const result = await load("  scoring:\n    uses: aci\n    action: provision\n    with: { cpu_cores: 1 }\n");
    expect(result.workflow).toBeUndefined();
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: "E_UNSUPPORTED_TARGET",
        severity: "error",
        location: expect.objectContaining({ line: 6, column: 11 }),
        message: expect.stringMatching(/created dynamically when you deploy a model.*cannot be created or attached/),
        hint: expect.stringMatching(/deploy the model to ACI/),
      }),
    ]);
  });

  it("is rejected for every step that uses it, whatever the action", async () => {
    const result = await load("  a:\n    uses: aci\n    action: attach\n  b:\n    uses: aci\n    action: provision\n");
    expect(result.problems.map((p) => `${p.code}@${p.location?.line}`)).toEqual(["E_UNSUPPORTED_TARGET@6", "E_UNSUPPORTED_TARGET@9"]);
  });
});
