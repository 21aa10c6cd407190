import { readFileSync } from "node:fs";
import { applyDefaults } from "@computeflow/core/testing";
import { describe, expect, it } from "vitest";
import type { ProvisionInput } from "./input.js";
import { instanceBody } from "./body.js";
import { checkInstance } from "./check.js";
import { uniqueInstanceName } from "./name-rules.js";
import { provisionSchema } from "./schema.js";

const example = (file: string) => JSON.parse(readFileSync(new URL(`./__fixtures__/${file}`, import.meta.url), "utf8")).parameters.parameters;
const input = (w: Record<string, unknown>) => applyDefaults<ProvisionInput>(provisionSchema, w);
const clean = (value: unknown) => JSON.parse(JSON.stringify(value));

describe("instanceBody", () => {
  it("matches the official ComputeInstance example (personal, SSH closed)", () => {
    const body = clean(instanceBody(input({ vm_size: "STANDARD_NC6", assigned_user_object_id: "00000000-0000-0000-0000-000000000000", assigned_user_tenant_id: "00000000-0000-0000-0000-000000000000" }), "s", "eastus"));
    const official = example("ComputeInstance.json");
    delete official.properties.properties.subnet;
    expect(body).toEqual(official);
  });

  it("keeps the minimal example minimal, plus the SDK's explicit SSH setting", () => {
    const official = example("ComputeInstanceMinimal.json");
    official.properties.properties.sshSettings = { sshPublicAccess: "Disabled" };
    expect(clean(instanceBody(input({ vm_size: "STANDARD_NC6" }), "s", "eastus"))).toEqual(official);
  });
});

describe("checkInstance", () => {
  it("applies the SDK's rules and the name budget of unique_name", () => {
    expect(checkInstance(input({}), "ci-a")).toEqual([]);
    expect(checkInstance(input({ ssh_public_access: true }), "ci-a")[0]?.path).toBe("/ssh_public_access");
    expect(checkInstance(input({ assigned_user_object_id: "x" }), "ci-a")[0]?.message).toContain("assigned_user_tenant_id is missing");
    expect(checkInstance(input({ subnet_name: "s" }), "ci-a")).toMatchObject([{ path: "/subnet_name" }]);
    expect(checkInstance(input({ unique_name: true }), "a-very-long-name-0")[0]).toMatchObject({ path: "/unique_name", code: "E_COMPUTE_NAME" });
    expect(checkInstance(input({ unique_name: true }), "fifteen-chars-x")).toEqual([]);
  });

  it("unique names are deterministic, valid and distinct per workspace", () => {
    const a = uniqueInstanceName("fifteen-chars-x", "id", "/subscriptions/s/resourceGroups/r/providers/Microsoft.MachineLearningServices/workspaces/a");
    expect(a).toMatch(/^fifteen-chars-x-[0-9a-f]{8}$/);
    expect(a.length).toBe(24);
    expect(uniqueInstanceName("fifteen-chars-x", "id", "/subscriptions/s/resourceGroups/r/providers/Microsoft.MachineLearningServices/workspaces/A")).toBe(a);
    expect(uniqueInstanceName("fifteen-chars-x", "id", "/subscriptions/s/resourceGroups/r/providers/Microsoft.MachineLearningServices/workspaces/b")).not.toBe(a);
  });
});
