import type { Reply } from "../arm/arm-error.js";
import { COMPUTE_TYPES } from "../compute/compute-rules.js";
import { LOW_PRIORITY, quotaLimit, quotaUsage, TOTAL_DEDICATED } from "../compute/quota.js";
import type { RequestContext } from "../http/context.js";
import { requireSubscription } from "./lookup.js";

function label(key: string): string {
  if (key === TOTAL_DEDICATED) return "Total Cluster Dedicated Regional vCPUs";
  if (key === LOW_PRIORITY) return "Total Cluster LowPriority Regional vCPUs";
  return `${key.replace(/^standard/, "Standard ").replace(/Family$/, " Family")} Cluster Dedicated vCPUs`;
}

function quotaKeys(ctx: RequestContext, sub: string, location: string): string[] {
  const declared = Object.keys(ctx.state.subscriptions.get(sub.toLowerCase())?.quotas?.[location] ?? {});
  const families = [...ctx.state.vmSizes.values()].map((s) => s.family);
  return [...new Set([TOTAL_DEDICATED, LOW_PRIORITY, ...declared, ...families])];
}

/** Usage per VM family from the clusters that exist (max nodes x vCPUs), with the world's limits. */
export function listUsages(ctx: RequestContext): Reply {
  const sub = requireSubscription(ctx);
  const location = ctx.params.location!.toLowerCase();
  const usage = quotaUsage(ctx.state, sub, location);
  const value = quotaKeys(ctx, sub, location).map((key) => ({
    id: `/subscriptions/${sub}/providers/Microsoft.MachineLearningServices/locations/${location}/usages/${key}`,
    amlWorkspaceLocation: location,
    type: key === TOTAL_DEDICATED || key === LOW_PRIORITY ? "Microsoft.MachineLearningServices/totalCores/usages" : "Microsoft.MachineLearningServices/vmFamily/usages",
    unit: "Count",
    currentValue: usage.get(key) ?? 0,
    limit: quotaLimit(ctx.state, sub, location, key),
    name: { value: key, localizedValue: label(key) },
  }));
  return { status: 200, body: { value } };
}

export function listQuotas(ctx: RequestContext): Reply {
  const sub = requireSubscription(ctx);
  const location = ctx.params.location!.toLowerCase();
  const value = quotaKeys(ctx, sub, location).map((key) => ({
    id: `/subscriptions/${sub}/providers/Microsoft.MachineLearningServices/locations/${location}/quotas/${key}`,
    amlWorkspaceLocation: location,
    type: "Microsoft.MachineLearningServices/vmFamily/quotas",
    name: { value: key, localizedValue: label(key) },
    limit: quotaLimit(ctx.state, sub, location, key),
    unit: "Count",
  }));
  return { status: 200, body: { value } };
}

export function listVmSizes(ctx: RequestContext): Reply {
  requireSubscription(ctx);
  const value = [...ctx.state.vmSizes.values()].map((s) => ({
    name: s.name,
    family: s.family,
    vCPUs: s.vcpus,
    gpus: s.gpus ?? 0,
    osVhdSizeMB: 1047552,
    maxResourceVolumeMB: s.vcpus * 16384,
    memoryGB: s.memory_gb,
    lowPriorityCapable: s.low_priority_capable ?? true,
    premiumIO: /s_|ds/i.test(s.name),
    supportedComputeTypes: COMPUTE_TYPES.filter((t) => t === "AmlCompute" || t === "ComputeInstance"),
  }));
  return { status: 200, body: { value } };
}
