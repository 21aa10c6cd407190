import { describe, expect, it } from "vitest";
import { viewOf } from "./compute-view.js";
import { planProvision } from "./plan-provision.js";

function provisioned(props: Record<string, unknown>, state = "Succeeded") {
  return viewOf({ properties: { computeType: "AKS", isAttachedCompute: false, provisioningState: state, properties: props } });
}
const defaults = { agentCount: 3, agentVmSize: "STANDARD_D3_V2", clusterPurpose: "FastProd" };

describe("planProvision", () => {
  it("creates when absent", () => {
    expect(planProvision({ agent_count: 2, cluster_purpose: "DevTest" }, undefined)).toMatchObject({ change: "create", summary: "create AKS cluster (2 x Standard_D3_v2, DevTest)" });
  });
  it("is a no-op when the cluster matches (VM size compared case-insensitively)", () => {
    expect(planProvision({}, provisioned(defaults)).change).toBe("noop");
  });
  it("needs a replacement when agent count or VM size changes", () => {
    const entry = planProvision({ agent_count: 5 }, provisioned(defaults));
    expect(entry.change).toBe("replace-required");
    expect(entry.diff).toEqual([{ path: "properties.properties.agentCount", from: 3, to: 5, immutable: true }]);
  });
  it("updates TLS and load balancer in place", () => {
    const entry = planProvision({ leaf_domain_label: "myaks" }, provisioned(defaults));
    expect(entry.change).toBe("update");
    expect(entry.diff?.[0]?.path).toBe("properties.properties.sslConfiguration");
  });
  it("refuses a name taken by another compute type or by an attached cluster", () => {
    expect(planProvision({}, viewOf({ properties: { computeType: "AmlCompute" } })).code).toBe("E_CONFLICT");
    expect(planProvision({}, viewOf({ properties: { computeType: "AKS", isAttachedCompute: true } })).code).toBe("E_CONFLICT");
  });
  it("blocks on a failed cluster and waits on one being created", () => {
    expect(planProvision({}, provisioned(defaults, "Failed")).code).toBe("E_PROVISIONING_FAILED");
    expect(planProvision({}, provisioned(defaults, "Creating")).change).toBe("in-progress");
  });
});
