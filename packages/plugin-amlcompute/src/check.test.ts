import { describe, expect, it } from "vitest";
import type { ProvisionInput } from "./input.js";
import { checkProvision } from "./check.js";
import { applyDefaults } from "@computeflow/core/testing";
import { provisionSchema } from "./schema.js";

const check = (w: Record<string, unknown>) => checkProvision(applyDefaults<ProvisionInput>(provisionSchema, { vm_size: "STANDARD_D2_V2", ...w }));

describe("checkProvision", () => {
  it("accepts the document's samples", () => {
    expect(check({ vm_priority: "lowpriority", max_nodes: 4 })).toEqual([]);
    expect(check({ max_nodes: 5, identity_type: "SystemAssigned" })).toEqual([]);
    expect(check({ max_nodes: 5, identity_type: "UserAssigned", identity_id: ["/subscriptions/x/id"] })).toEqual([]);
  });

  it("wants the vnet trio all or none", () => {
    expect(check({ vnet_name: "v" })).toEqual([
      {
        path: "/vnet_name",
        message: "vnet_resourcegroup_name and subnet_name are missing: vnet_resourcegroup_name, vnet_name and subnet_name come together, or not at all",
        hint: "given: vnet_name",
      },
    ]);
    expect(check({ vnet_name: "v", vnet_resourcegroup_name: "r" })[0]?.message).toMatch(/^subnet_name is missing/);
  });

  it("wants max_nodes >= min_nodes", () => {
    expect(check({ min_nodes: 3, max_nodes: 2 })).toEqual([{ path: "/max_nodes", message: "max_nodes (2) is less than min_nodes (3)" }]);
  });

  it("skips numeric checks for unresolved expressions", () => {
    expect(check({ min_nodes: "${{ inputs.min }}", max_nodes: 2 })).toEqual([]);
  });

  it("pairs admin_username with a credential", () => {
    expect(check({ admin_username: "u" })[0]?.path).toBe("/admin_username");
    expect(check({ admin_user_password: "${{ secrets.P }}" })[0]?.path).toBe("/admin_user_password");
    expect(check({ admin_username: "u", admin_user_ssh_key: "ssh-rsa A" })).toEqual([]);
  });

  it("allows identity_id only with UserAssigned, and requires it there", () => {
    expect(check({ identity_type: "SystemAssigned", identity_id: ["x"] })[0]?.path).toBe("/identity_id");
    expect(check({ identity_id: ["x"] })[0]?.path).toBe("/identity_id");
    expect(check({ identity_type: "UserAssigned" })[0]?.path).toBe("/identity_type");
  });

  it("refuses enable_node_public_ip: false outside a vnet", () => {
    expect(check({ enable_node_public_ip: false })[0]?.path).toBe("/enable_node_public_ip");
    expect(check({ enable_node_public_ip: false, vnet_resourcegroup_name: "r", vnet_name: "v", subnet_name: "s" })).toEqual([]);
  });
});
