import type { AmlComputeProperties, ComputeResource } from "@azure/arm-machinelearningservices";

/** The AmlCompute-specific properties (the SDK's union type hides them behind the discriminator). */
export function clusterProps(compute: ComputeResource | undefined): AmlComputeProperties {
  const inner = (compute?.properties as { properties?: AmlComputeProperties } | undefined)?.properties;
  return inner ?? {};
}
