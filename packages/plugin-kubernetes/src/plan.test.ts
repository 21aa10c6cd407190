import { describe, expect, it } from "vitest";
import { planAttach, planDetach } from "./plan.js";

const input = { resource_id: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks", namespace: "default" };

describe("planAttach", () => {
  it("blocks a name another compute type holds", () => {
    expect(planAttach(input, { properties: { computeType: "AmlCompute" } } as never)).toMatchObject({ change: "blocked", code: "E_CONFLICT", reason: "the name is taken by a AmlCompute compute" });
  });
  it("re-attaches a failed attachment and a different cluster; waits for one in progress", () => {
    const current = (state: string, resourceId = input.resource_id) => ({ properties: { computeType: "Kubernetes", provisioningState: state, resourceId, properties: { namespace: "default" } } }) as never;
    expect(planAttach(input, current("Failed")).change).toBe("reattach");
    expect(planAttach(input, current("Succeeded", input.resource_id.replace("aks", "other"))).diff).toEqual([expect.objectContaining({ path: "properties.resourceId" })]);
    expect(planAttach(input, current("Creating")).change).toBe("in-progress");
    expect(planDetach(undefined).change).toBe("noop");
  });
});
