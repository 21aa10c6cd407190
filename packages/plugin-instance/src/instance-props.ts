import type { ComputeInstanceProperties, ComputeResource } from "@azure/arm-machinelearningservices";

export function instanceProps(compute: ComputeResource | undefined): ComputeInstanceProperties {
  const inner = (compute?.properties as { properties?: ComputeInstanceProperties } | undefined)?.properties;
  return inner ?? {};
}
