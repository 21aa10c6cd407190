import { describe, expect, it } from "vitest";
import { viewOf, type AksView } from "./compute-view.js";
import { duplicateAttachment, planAttach, planRemove } from "./plan-attach.js";
import { applyDefaults } from "@computeflow/core/testing";
import type { AttachInput } from "./input.js";
import { attachSchema } from "./schema.js";

/** `with` as core hands it to the hooks: the schema's defaults applied. */
const a = (w: Record<string, unknown>) => applyDefaults<AttachInput>(attachSchema, w);

const ID = "/subscriptions/s/resourceGroups/ml-rg/providers/Microsoft.ContainerService/managedClusters/aks-prod";

function attached(props: Record<string, unknown> = {}, state = "Succeeded"): AksView {
  return viewOf({ id: "/x/computes/aks", properties: { computeType: "AKS", isAttachedCompute: true, provisioningState: state, resourceId: ID.toLowerCase(), properties: props } });
}

describe("planAttach", () => {
  it("attaches when the name is free", () => {
    expect(planAttach(a({ resource_id: ID }), ID, undefined).change).toBe("attach");
    expect(planAttach(a({ resource_id: ID }), ID, undefined).notes).toEqual([expect.stringMatching(/^v1 AKS attach is deprecated \(Azure ML SDK v1 support ended 2026-06-30\): attach this cluster as v2 Kubernetes compute instead, with uses: kubernetes/)]);
  });
  it("is a no-op when attached as configured (ids compare case-insensitively)", () => {
    expect(planAttach(a({ resource_id: ID }), ID, attached()).change).toBe("noop");
  });
  it("re-attaches when TLS changes: the document says detach first", () => {
    const entry = planAttach(a({ resource_id: ID, leaf_domain_label: "newlabel" }), ID, attached({ sslConfiguration: { status: "Auto", leafDomainLabel: "old" } }));
    expect(entry.change).toBe("reattach");
    expect(entry.diff).toEqual([{ path: "properties.properties.sslConfiguration", from: { status: "Auto", cname: null, leafDomainLabel: "old" }, to: { status: "Auto", cname: null, leafDomainLabel: "newlabel" } }]);
  });
  it("re-attaches when TLS is turned off or on, or the purpose changes", () => {
    expect(planAttach(a({ resource_id: ID }), ID, attached({ sslConfiguration: { status: "Enabled", cname: "a" } })).change).toBe("reattach");
    expect(planAttach(a({ resource_id: ID, ssl_cname: "a", ssl_cert: "C", ssl_key: "K" }), ID, attached()).change).toBe("reattach");
    expect(planAttach(a({ resource_id: ID, cluster_purpose: "DevTest" }), ID, attached({ clusterPurpose: "FastProd" })).change).toBe("reattach");
  });
  it("refuses a name held by a compute the workspace provisioned", () => {
    const entry = planAttach(a({ resource_id: ID }), ID, viewOf({ properties: { computeType: "AmlCompute", provisioningState: "Succeeded" } }));
    expect(entry).toMatchObject({ change: "blocked", code: "E_CONFLICT" });
  });
  it("waits for an attachment in progress", () => {
    expect(planAttach(a({ resource_id: ID }), ID, attached({}, "Creating")).change).toBe("in-progress");
  });
});

describe("planRemove", () => {
  it("is a no-op when the compute is gone", () => {
    expect(planRemove("detach", undefined).change).toBe("noop");
  });
  it("never deletes an attached cluster", () => {
    expect(planRemove("delete", attached())).toMatchObject({ change: "blocked", code: "E_ATTACHED_COMPUTE", hint: "use action: detach" });
    expect(planRemove("detach", attached()).change).toBe("detach");
  });
});

describe("duplicateAttachment", () => {
  it("refuses a second attachment of the same cluster under another name", () => {
    expect(duplicateAttachment(ID, [])).toBeUndefined();
    expect(duplicateAttachment(ID, ["aks-old"])).toMatchObject({ change: "blocked", code: "E_DUPLICATE_ATTACHMENT", hint: expect.stringContaining("detach aks-old first") });
  });
});
