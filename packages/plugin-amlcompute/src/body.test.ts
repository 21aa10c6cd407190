import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ProvisionInput } from "./input.js";
import { provisionBody } from "./body.js";
import { applyDefaults } from "@computeflow/core/testing";
import { provisionSchema } from "./schema.js";

const SUB = "00000000-0000-0000-0000-000000000000";
const example = (file: string) =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${file}`, import.meta.url), "utf8")).parameters.parameters;
const clean = (value: unknown) => JSON.parse(JSON.stringify(value));
const input = (w: Record<string, unknown>) => applyDefaults<ProvisionInput>(provisionSchema, w);

describe("provisionBody", () => {
  it("has the official BasicAmlCompute example's shape (Linux, no image)", () => {
    const body = clean(provisionBody(input({ vm_size: "STANDARD_NC6", max_nodes: 1, idle_seconds_before_scaledown: 300 }), SUB, "eastus"));
    const official = example("BasicAmlCompute.json");
    delete official.properties.properties.osType;
    delete official.properties.properties.virtualMachineImage;
    delete official.properties.properties.isolatedNetwork;
    official.properties.properties.scaleSettings.nodeIdleTimeBeforeScaleDown = "PT300S";
    expect(body).toEqual(official);
  });

  it("puts description beside computeType as the AmlCompute example does", () => {
    const body = clean(provisionBody(input({ vm_size: "STANDARD_NC6", min_nodes: 4, max_nodes: 4, description: "some compute" }), SUB, "eastus"));
    expect(body.properties.description).toBe(example("AmlCompute.json").properties.description);
    expect(body.properties.properties.scaleSettings).toEqual({ maxNodeCount: 4, minNodeCount: 4, nodeIdleTimeBeforeScaleDown: "PT1800S" });
  });

  it("maps every parameter", () => {
    const body = clean(
      provisionBody(
        input({
          vm_size: "STANDARD_D2_V2", vm_priority: "lowpriority", min_nodes: 1, max_nodes: 3, idle_seconds_before_scaledown: 120,
          admin_username: "azureuser", admin_user_password: "Pw-123456789012", admin_user_ssh_key: "ssh-rsa AAAA",
          vnet_resourcegroup_name: "net-rg", vnet_name: "vnet", subnet_name: "default",
          remote_login_port_public_access: "Disabled", enable_node_public_ip: false,
          identity_type: "UserAssigned", identity_id: ["/subscriptions/s/resourcegroups/r/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1"],
          tags: { team: "ml" }, description: "d", location: "northeurope",
        }),
        SUB,
        "westeurope",
      ),
    );
    expect(body).toEqual({
      location: "northeurope",
      tags: { team: "ml" },
      identity: { type: "UserAssigned", userAssignedIdentities: { "/subscriptions/s/resourcegroups/r/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1": {} } },
      properties: {
        computeType: "AmlCompute",
        description: "d",
        properties: {
          vmSize: "STANDARD_D2_V2",
          vmPriority: "LowPriority",
          scaleSettings: { maxNodeCount: 3, minNodeCount: 1, nodeIdleTimeBeforeScaleDown: "PT120S" },
          userAccountCredentials: { adminUserName: "azureuser", adminUserPassword: "Pw-123456789012", adminUserSshPublicKey: "ssh-rsa AAAA" },
          subnet: { id: `/subscriptions/${SUB}/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default` },
          remoteLoginPortPublicAccess: "Disabled",
          enableNodePublicIp: false,
        },
      },
    });
  });
});
