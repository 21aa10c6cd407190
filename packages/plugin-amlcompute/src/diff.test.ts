import type { ComputeResource } from "@azure/arm-machinelearningservices";
import { describe, expect, it } from "vitest";
import type { ProvisionInput } from "./input.js";
import { provisionBody } from "./body.js";
import { diffCluster } from "./diff.js";
import { applyDefaults } from "@computeflow/core/testing";
import { provisionSchema } from "./schema.js";

const SUB = "00000000-0000-0000-0000-000000000000";
const input = (w: Record<string, unknown>) => applyDefaults<ProvisionInput>(provisionSchema, { vm_size: "STANDARD_D2_V2", ...w });
/** What Azure returns: the PUT body, without secrets, with the public port decided. */
function existing(w: Record<string, unknown>): ComputeResource {
  const body = provisionBody(input(w), SUB, "westeurope") as ComputeResource & { properties: { properties: Record<string, unknown> } };
  delete (body.properties.properties.userAccountCredentials as Record<string, unknown> | undefined)?.adminUserPassword;
  body.properties.properties.remoteLoginPortPublicAccess = "Enabled";
  return body;
}

describe("diffCluster", () => {
  it("finds nothing for the same spec (sizes compare case-insensitively, PT30M = 1800 s)", () => {
    const live = existing({ max_nodes: 4 });
    (live.properties as { properties: { vmSize: string; scaleSettings: { nodeIdleTimeBeforeScaleDown: string } } }).properties.vmSize = "Standard_D2_v2";
    (live.properties as { properties: { scaleSettings: { nodeIdleTimeBeforeScaleDown: string } } }).properties.scaleSettings.nodeIdleTimeBeforeScaleDown = "PT30M";
    expect(diffCluster(input({ max_nodes: 4 }), live, SUB)).toEqual({ scale: [], other: [], immutable: [] });
  });

  it("puts scale settings in place", () => {
    const diff = diffCluster(input({ max_nodes: 6, idle_seconds_before_scaledown: 600 }), existing({ max_nodes: 4 }), SUB);
    expect(diff.immutable).toEqual([]);
    expect(diff.scale.map((c) => [c.path, c.from, c.to])).toEqual([
      ["properties.properties.scaleSettings.maxNodeCount", 4, 6],
      ["properties.properties.scaleSettings.nodeIdleTimeBeforeScaleDown", "PT1800S", "PT600S"],
    ]);
  });

  it("adds an identity in place, and keeps one the file does not mention", () => {
    expect(diffCluster(input({ identity_type: "SystemAssigned" }), existing({}), SUB).other).toEqual([{ path: "identity", from: "None", to: "SystemAssigned" }]);
    expect(diffCluster(input({}), existing({ identity_type: "SystemAssigned" }), SUB).other).toEqual([]);
  });

  it("marks vm_size, vm_priority and vnet changes immutable", () => {
    const diff = diffCluster(
      input({ vm_size: "STANDARD_D3_V2", vm_priority: "lowpriority", vnet_resourcegroup_name: "r", vnet_name: "v", subnet_name: "s" }),
      existing({}),
      SUB,
    );
    expect(diff.immutable.map((c) => c.path.split(".").pop())).toEqual(["vmSize", "vmPriority", "id"]);
    expect(diff.immutable.every((c) => c.immutable)).toBe(true);
  });

  it("tags and description update in place", () => {
    const diff = diffCluster(input({ tags: { a: "1" }, description: "new" }), existing({ tags: { a: "0" }, description: "old" }), SUB);
    expect(diff.other.map((c) => c.path)).toEqual(["tags", "properties.description"]);
  });
});
