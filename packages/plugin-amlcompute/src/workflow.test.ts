import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadWorkflow } from "@computeflow/core";
import { describe, expect, it } from "vitest";

const SUB = "00000000-0000-0000-0000-000000000000";
const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

describe("workflows using amlcompute, through core's loader", () => {
  it("examples/amlcompute.yaml validates", async () => {
    const result = await loadWorkflow(path("../../../examples/amlcompute.yaml"), { env: { AZURE_SUBSCRIPTION_ID: SUB, AML_ADMIN_PASSWORD: "emulator-admin-Passw0rd" } });
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.workflow?.steps.map((s) => s.id)).toEqual(["cpu-cluster", "lowpri-cluster", "cpu-run"]);
  });

  it("reports every client-side problem with its position, before anything is sent", async () => {
    const result = await loadWorkflow(path("./__fixtures__/workflows/bad-cluster.yaml"), { env: {} });
    expect(result.workflow).toBeUndefined();
    const found = result.problems.map((p) => [p.code, p.location?.line, p.message]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["E_LITERAL_SECRET", 17, expect.stringContaining("admin_user_password")],
        ["E_SCHEMA", 14, "max_nodes (2) is less than min_nodes (5)"],
        ["E_SCHEMA", 15, expect.stringContaining("vnet_resourcegroup_name and subnet_name are missing")],
        ["E_COMPUTE_NAME", 18, expect.stringContaining("this-name-is-far-too-long")],
      ]),
    );
  });

  it("refuses min_nodes above the default max_nodes at validate, at the min_nodes line (core applies defaults before check)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "amlcompute-wf-"));
    try {
      const file = join(dir, "wf.yaml");
      const yaml = "version: 1\nname: t\nworkspace: { subscription_id: s, resource_group: rg, name: ws }\nsteps:\n  big:\n    uses: amlcompute\n    action: provision\n    with:\n      vm_size: STANDARD_D2_V2\n      min_nodes: 6\n";
      writeFileSync(file, yaml);
      const result = await loadWorkflow(file, { env: {} });
      expect(result.workflow).toBeUndefined();
      expect(result.problems.map((p) => [p.code, p.location?.line, p.location?.column, p.message])).toEqual([["E_SCHEMA", 10, 18, "min_nodes (6) is more than max_nodes (4, its default)"]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
