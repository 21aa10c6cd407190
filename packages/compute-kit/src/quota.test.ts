import type { Usage, VirtualMachineSize } from "@azure/arm-machinelearningservices";
import { describe, expect, it } from "vitest";
import { quotaProblem } from "./quota.js";
import { vmSizeProblem } from "./vm-size.js";

const size: VirtualMachineSize = { name: "Standard_NC6", family: "standardNCFamily", vCPUs: 6 };
const usage = (value: string, type: string, currentValue: number, limit: number): Usage => ({
  id: `/subscriptions/s/providers/Microsoft.MachineLearningServices/locations/westeurope/usages/${value}`,
  type,
  currentValue,
  limit,
  name: { value, localizedValue: value },
});
const usages = [
  usage("standardNCFamily", "Microsoft.MachineLearningServices/vmFamily/usages", 12, 48),
  usage("TotalCores", "Microsoft.MachineLearningServices/totalCores/usages", 12, 500),
  usage("TotalLowPriorityCores", "Microsoft.MachineLearningServices/totalLowPriorityCores/usages", 0, 10),
];

describe("quotaProblem", () => {
  it("passes when the family and the region hold max_nodes", () => {
    expect(quotaProblem(usages, { size, nodes: 6, lowPriority: false, location: "westeurope" })).toBeUndefined();
  });

  it("blocks with the numbers", () => {
    const entry = quotaProblem(usages, { size, nodes: 7, lowPriority: false, location: "westeurope" });
    expect(entry?.change).toBe("blocked");
    expect(entry?.code).toBe("E_QUOTA");
    expect(entry?.reason).toBe('7 x Standard_NC6 (6 vCPUs each) needs 42 vCPUs of "standardNCFamily" in westeurope, but only 36 are free (limit 48, in use 12)');
    expect(entry?.hint).toContain("max_nodes to 6");
  });

  it("counts low priority against the low priority pool", () => {
    expect(quotaProblem(usages, { size, nodes: 2, lowPriority: true, location: "westeurope" })?.reason).toContain("only 10 are free");
  });
});

describe("vmSizeProblem", () => {
  const sizes = [size, { name: "Standard_NC12", family: "standardNCFamily", vCPUs: 12 }];
  it("finds sizes case-insensitively", () => {
    expect(vmSizeProblem(sizes, "STANDARD_NC6", "westeurope", "AmlCompute")).toBeUndefined();
  });
  it("blocks unknown sizes and names similar ones", () => {
    const entry = vmSizeProblem(sizes, "Standard_NC7", "westeurope", "AmlCompute");
    expect(entry).toMatchObject({ change: "blocked", code: "E_VM_SIZE", reason: "vm_size Standard_NC7 is not offered in westeurope" });
    expect(entry?.hint).toContain("Standard_NC6");
  });
  it("blocks sizes that do not support the compute type", () => {
    const only = [{ ...size, supportedComputeTypes: ["ComputeInstance"] }];
    expect(vmSizeProblem(only, "Standard_NC6", "westeurope", "AmlCompute")?.reason).toContain("does not support AmlCompute");
  });
});
