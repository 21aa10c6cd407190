import { resourceId } from "../arm/arm-id.js";
import { computeType, innerProps, type ComputeRecord, type Json } from "../state/compute-record.js";

/** AmlCompute fields Azure answers as null while a PUT or PATCH is being applied. */
const CLUSTER_RUNTIME = ["currentNodeCount", "targetNodeCount", "nodeStateCounts", "allocationState", "errors"] as const;
const CLUSTER_HIDDEN = ["allocationStateTransitionTime", "propertyBag"] as const;

/** ComputeInstance fields Azure answers as null in the response to the create PUT. */
const INSTANCE_RUNTIME = [
  "subnet", "sshSettings", "autologgerSettings", "errors", "connectivityEndpoints", "applications", "state", "lastOperation",
  "applicationSharingPolicy", "personalComputeInstanceSettings", "setupScripts", "dataMounts", "dataDisks", "containers",
  "updateStatus", "versions", "customServices", "osImageMetadata",
] as const;

export interface PendingViewOptions {
  /** True for the PUT that created the compute. */
  created: boolean;
  /** The inner properties of the request, as sent. */
  sent: Json;
  /** The request's top-level tags, as sent. */
  sentTags?: unknown;
}

/**
 * The body Azure answers a PUT or PATCH with (recorded: New-AzMLWorkspaceCompute,
 * test_compute_aml, test_compute_instance_stop_start_restart): the request's view of the
 * compute before it is applied. Runtime fields are null, defaults not yet filled in; on
 * an existing cluster `resourceId` names the Microsoft.BatchAI cluster behind it.
 */
export function pendingView(record: ComputeRecord, options: PendingViewOptions): Json {
  const body = structuredClone(record.body) as Json & { properties: Json };
  const props = body.properties;
  const inner = { ...innerProps(record) };
  delete body.systemData;
  if (options.created) {
    body.tags = options.sentTags ?? null;
    delete props.computeLocation;
  }
  const type = computeType(record);
  if (type === "AmlCompute") {
    for (const k of CLUSTER_RUNTIME) inner[k] = null;
    for (const k of CLUSTER_HIDDEN) delete inner[k];
    const sentScale = (options.sent.scaleSettings ?? {}) as Json;
    inner.scaleSettings = { ...(inner.scaleSettings as Json), nodeIdleTimeBeforeScaleDown: sentScale.nodeIdleTimeBeforeScaleDown ?? null };
    if (options.created) inner.vmPriority = options.sent.vmPriority ?? null;
    if (options.created) inner.remoteLoginPortPublicAccess = options.sent.remoteLoginPortPublicAccess ?? "NotSpecified";
    if (!options.created) {
      const [, , sub, , rg, , , , ws] = String(record.body.id).split("/");
      props.resourceId = resourceId(sub!, rg!, "Microsoft.BatchAI", "workspaces", ws!, "clusters", record.name);
    }
  } else if (type === "ComputeInstance" && options.created) {
    for (const k of INSTANCE_RUNTIME) inner[k] = null;
    const createdBy = inner.createdBy as Json | undefined;
    if (createdBy) inner.createdBy = { userOrgId: createdBy.userOrgId, userId: createdBy.userId };
  }
  if (props.properties !== undefined) props.properties = inner;
  return body;
}
