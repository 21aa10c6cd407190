import { describe, expect, it } from "vitest";
import { viewOf } from "./compute-view.js";
import { planProvision } from "./plan-provision.js";
import { applyDefaults } from "@computeflow/core/testing";
import type { ProvisionInput } from "./input.js";
import { provisionSchema } from "./schema.js";

/** `with` as core hands it to the hooks: the schema's defaults applied. */
const p = (w: Record<string, unknown>) => applyDefaults<ProvisionInput>(provisionSchema, w);

function provisioned(props: Record<string, unknown>, state = "Succeeded") {
  return viewOf({ properties: { computeType: "AKS", isAttachedCompute: false, provisioningState: state, properties: props } });
}
const defaults = { agentCount: 3, agentVmSize: "STANDARD_D3_V2", clusterPurpose: "FastProd" };

describe("planProvision", () => {
  it("creates when absent", () => {
    expect(planProvision(p({ agent_count: 2, cluster_purpose: "DevTest" }), undefined)).toMatchObject({ change: "create", summary: "create AKS cluster (2 x Standard_D3_v2, DevTest)" });
  });
  it("is a no-op when the cluster matches (VM size compared case-insensitively)", () => {
    expect(planProvision(p({}), provisioned(defaults)).change).toBe("noop");
  });
  it("needs a replacement when agent count or VM size changes", () => {
    const entry = planProvision(p({ agent_count: 5 }), provisioned(defaults));
    expect(entry.change).toBe("replace-required");
    expect(entry.diff).toEqual([{ path: "properties.properties.agentCount", from: 3, to: 5, immutable: true }]);
  });
  it("updates TLS and load balancer in place", () => {
    const entry = planProvision(p({ leaf_domain_label: "myaks" }), provisioned(defaults));
    expect(entry.change).toBe("update");
    expect(entry.diff?.[0]?.path).toBe("properties.properties.sslConfiguration");
  });
  it("refuses a name taken by another compute type or by an attached cluster", () => {
    expect(planProvision(p({}), viewOf({ properties: { computeType: "AmlCompute" } })).code).toBe("E_CONFLICT");
    expect(planProvision(p({}), viewOf({ properties: { computeType: "AKS", isAttachedCompute: true } })).code).toBe("E_CONFLICT");
  });
  it("blocks on a failed cluster and waits on one being created", () => {
    expect(planProvision(p({}), provisioned(defaults, "Failed")).code).toBe("E_PROVISIONING_FAILED");
    expect(planProvision(p({}), provisioned(defaults, "Creating")).change).toBe("in-progress");
  });
});
