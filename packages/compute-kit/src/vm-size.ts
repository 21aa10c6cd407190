import type { VirtualMachineSize } from "@azure/arm-machinelearningservices";
import type { PlanEntry } from "@computeflow/core";

export function findVmSize(sizes: readonly VirtualMachineSize[], vmSize: string): VirtualMachineSize | undefined {
  return sizes.find((size) => size.name?.toLowerCase() === vmSize.toLowerCase());
}

function closest(sizes: readonly VirtualMachineSize[], vmSize: string): string[] {
  const stem = vmSize.toLowerCase().replace(/_v\d+$/, "").slice(0, 10);
  return sizes.map((s) => s.name ?? "").filter((n) => n.toLowerCase().startsWith(stem)).slice(0, 5);
}

/** Blocked entry for a size the region does not offer (or not for this compute type). */
export function vmSizeProblem(
  sizes: readonly VirtualMachineSize[],
  vmSize: string,
  location: string,
  computeType: string,
): PlanEntry | undefined {
  const size = findVmSize(sizes, vmSize);
  const types = size?.supportedComputeTypes;
  if (size !== undefined && (types === undefined || types.length === 0 || types.includes(computeType))) return undefined;
  const near = closest(sizes, vmSize);
  return {
    change: "blocked",
    code: "E_VM_SIZE",
    reason:
      size === undefined
        ? `vm_size ${vmSize} is not offered in ${location}`
        : `vm_size ${vmSize} does not support ${computeType} in ${location}`,
    hint: near.length > 0 ? `sizes like it in ${location}: ${near.join(", ")}` : `list the sizes with: az ml computetarget list-sizes --location ${location}`,
  };
}
