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
});
