import type { ResourceQuota, Usage, VirtualMachineSize } from "@azure/arm-machinelearningservices";
import { listAll, type ArmSender } from "./ml-rest.js";

/** What Azure ML lists per region of a subscription, by the list's path segment. */
export interface LocationLists {
  vmSizes: VirtualMachineSize;
  usages: Usage;
  quotas: ResourceQuota;
}

/**
 * A region's VM sizes, usages or workspace quotas, as ARM's JSON (ml-rest.ts): the VM-size
 * list is long, and the SDK's deserialiser spent ~40 ms of a run's start-up on it. Paths as
 * the SDK's operation specs (@azure/arm-machinelearningservices 5.0.1,
 * src/operations/virtualMachineSizes.ts, usages.ts, quotas.ts).
 */
export function listLocation<K extends keyof LocationLists>(send: ArmSender, subscriptionId: string, location: string, what: K): Promise<LocationLists[K][]> {
  const part = encodeURIComponent;
  return listAll<LocationLists[K]>(send, `/subscriptions/${part(subscriptionId)}/providers/Microsoft.MachineLearningServices/locations/${part(location)}/${what}`);
}
