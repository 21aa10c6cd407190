import { describe, expect, it } from "vitest";
import { clusterSizeProblem } from "./cluster-size.js";
import { applyDefaults } from "@computeflow/core/testing";
import type { ProvisionInput } from "./input.js";
import { provisionSchema } from "./schema.js";

/** `with` as core hands it to the hooks: the schema's defaults applied. */
const p = (w: Record<string, unknown>) => applyDefaults<ProvisionInput>(provisionSchema, w);

describe("clusterSizeProblem", () => {
  it("accepts the SDK's default: 3 x Standard_D3_v2 (4 vCPUs) = 12", () => {
    expect(clusterSizeProblem(p({}), "westeurope", 4)).toBeUndefined();
  });
  it("refuses a FastProd cluster under 12 vCPUs, and says how to fix it", () => {
    expect(clusterSizeProblem(p({ agent_count: 2, vm_size: "Standard_D2_v2" }), "westeurope", 2)).toMatchObject({
      change: "blocked",
      code: "E_AKS_TOO_SMALL",
      reason: "a FastProd cluster needs at least 12 vCPUs; 2 x Standard_D2_v2 has 4",
    });
  });
  it("lets a DevTest cluster be small", () => {
    expect(clusterSizeProblem(p({ agent_count: 1, vm_size: "Standard_D2_v2", cluster_purpose: "DevTest" }), "westeurope", 2)).toBeUndefined();
  });
  it("refuses a VM size the region does not offer", () => {
    expect(clusterSizeProblem(p({ vm_size: "Standard_NOPE" }), "westeurope", undefined)).toMatchObject({ code: "E_VM_SIZE", reason: "VM size Standard_NOPE is not available in westeurope" });
  });
});
