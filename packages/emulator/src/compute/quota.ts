import type { ArmErrorBody } from "../arm/arm-error.js";
import type { EmulatorState } from "../state/emulator-state.js";
import { computeType, innerProps, type ComputeRecord } from "../state/compute-record.js";

export const TOTAL_DEDICATED = "total_dedicated";
export const LOW_PRIORITY = "low_priority";
const DEFAULT_LIMITS: Record<string, number> = { [TOTAL_DEDICATED]: 350, [LOW_PRIORITY]: 100 };
const DEFAULT_FAMILY_LIMIT = 100;

export interface CoreDemand {
  family: string;
  lowPriority: boolean;
  cores: number;
}

/** vCPUs a compute holds against quota: max nodes x vCPUs for clusters, one VM for instances. */
export function demandOf(state: EmulatorState, record: ComputeRecord): CoreDemand | undefined {
  const type = computeType(record);
  if (type !== "AmlCompute" && type !== "ComputeInstance") return undefined;
  const inner = innerProps(record);
  const size = state.vmSize(inner.vmSize);
  if (!size) return undefined;
  const scale = inner.scaleSettings as { maxNodeCount?: number } | undefined;
  const nodes = type === "AmlCompute" ? Number(scale?.maxNodeCount ?? 0) : 1;
  const lowPriority = String(inner.vmPriority ?? "Dedicated").toLowerCase() === "lowpriority";
  return { family: size.family, lowPriority, cores: nodes * size.vcpus };
}

export function quotaLimit(state: EmulatorState, subscription: string, location: string, key: string): number {
  const sub = state.subscriptions.get(subscription.toLowerCase());
  const declared = sub?.quotas?.[location.toLowerCase()] ?? sub?.quotas?.[location];
  return declared?.[key] ?? DEFAULT_LIMITS[key] ?? DEFAULT_FAMILY_LIMIT;
}

/** Current usage per quota key in one subscription and region. */
export function quotaUsage(state: EmulatorState, subscription: string, location: string, exclude?: ComputeRecord): Map<string, number> {
  const usage = new Map<string, number>();
  const add = (key: string, n: number) => usage.set(key, (usage.get(key) ?? 0) + n);
  for (const [ws, record] of state.allComputes()) {
    if (record === exclude || record.deleted) continue;
    if (ws.subscription.toLowerCase() !== subscription.toLowerCase()) continue;
    if (String(record.body.location).toLowerCase() !== location.toLowerCase()) continue;
    if (record.body.properties.provisioningState === "Failed") continue;
    const d = demandOf(state, record);
    if (!d) continue;
    if (d.lowPriority) add(LOW_PRIORITY, d.cores);
    else {
      add(d.family, d.cores);
      add(TOTAL_DEDICATED, d.cores);
    }
  }
  return usage;
}

export function quotaError(state: EmulatorState, subscription: string, location: string, record: ComputeRecord): ArmErrorBody | undefined {
  const d = demandOf(state, record);
  if (!d) return undefined;
  const usage = quotaUsage(state, subscription, location, record);
  const keys = d.lowPriority ? [LOW_PRIORITY] : [d.family, TOTAL_DEDICATED];
  for (const key of keys) {
    const limit = quotaLimit(state, subscription, location, key);
    const used = usage.get(key) ?? 0;
    if (used + d.cores > limit) {
      return {
        code: "QuotaExceeded",
        message:
          `Operation could not be completed as it results in exceeding approved ${key} quota in region ${location}. ` +
          `Requested: ${d.cores} vCPUs, current usage: ${used}, limit: ${limit}. ` +
          "Request a quota increase or lower max_nodes.",
      };
    }
  }
  return undefined;
}
