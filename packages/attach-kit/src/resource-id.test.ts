import { describe, expect, it } from "vitest";
import { buildResourceId, normalizeResourceId, parseResourceId, resourceIdPattern } from "./resource-id.js";

const id = "/subscriptions/0000/resourceGroups/ML-RG/providers/Microsoft.Compute/virtualMachines/DSVM";

describe("resource ids", () => {
  it("normalises case and trailing slashes, so two spellings of one VM compare equal", () => {
    expect(normalizeResourceId(`${id}/`)).toBe(normalizeResourceId(id.toLowerCase()));
  });

  it("parses and rebuilds an id", () => {
    const parts = parseResourceId(id);
    expect(parts).toEqual({ subscriptionId: "0000", resourceGroup: "ML-RG", provider: "Microsoft.Compute", type: "virtualMachines", name: "DSVM" });
    expect(buildResourceId(parts!)).toBe(id);
    expect(parseResourceId("/subscriptions/0000/resourceGroups/ml-rg")).toBeUndefined();
  });

  it("builds a schema pattern for one resource type", () => {
    const pattern = new RegExp(resourceIdPattern("Microsoft.Compute", "virtualMachines"));
    expect(pattern.test(id)).toBe(true);
    expect(pattern.test(id.toLowerCase())).toBe(true);
    expect(pattern.test(id.replace("Microsoft.Compute", "MicrosoftXCompute"))).toBe(false);
    expect(pattern.test(id.replace("virtualMachines", "disks"))).toBe(false);
  });
});
