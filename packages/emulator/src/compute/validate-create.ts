import { fail, type ArmErrorBody } from "../arm/arm-error.js";
import { idKey, parseResourceId } from "../arm/arm-id.js";
import type { EmulatorState, WorkspaceState } from "../state/emulator-state.js";
import { innerProps, type ComputeRecord } from "../state/compute-record.js";
import { attachError } from "./attach-checks.js";
import { ATTACH_RESOURCE_TYPES, RESOURCE_ID_REQUIRED, type ComputeTypeName } from "./compute-rules.js";
import { quotaError } from "./quota.js";

/** Synchronous checks (400/409 on the PUT); returns the error the operation will end with, if any. */
export function validateCreate(state: EmulatorState, ws: WorkspaceState, record: ComputeRecord, type: ComputeTypeName): ArmErrorBody | undefined {
  const inner = innerProps(record);
  const location = String(record.body.location);
  if (type === "AmlCompute" || type === "ComputeInstance") {
    if (!state.vmSize(inner.vmSize)) {
      fail(400, "InvalidPropertyValue",
        `VM size '${String(inner.vmSize)}' is not supported in region '${location}'. List supported sizes with the vmSizes API.`,
        "properties.properties.vmSize");
    }
  }
  if (type === "AmlCompute") checkScale(inner.scaleSettings);
  if (type === "ComputeInstance") {
    checkInstanceNameFree(state, ws, record.name, location);
    const ssh = (inner.sshSettings ?? {}) as { sshPublicAccess?: unknown; adminPublicKey?: unknown };
    if (ssh.sshPublicAccess === "Enabled" && (typeof ssh.adminPublicKey !== "string" || ssh.adminPublicKey.length === 0)) {
      fail(400, "InvalidPropertyValue", "sshSettings.adminPublicKey is required when sshPublicAccess is Enabled.", "properties.properties.sshSettings.adminPublicKey");
    }
  }
  const rid = record.body.properties.resourceId;
  if (typeof rid === "string") checkAttachTarget(state, type, rid);
  else if (RESOURCE_ID_REQUIRED.has(type)) {
    fail(400, "InvalidPropertyValue", `A ${type} compute attaches an existing resource: properties.resourceId is required.`, "properties.resourceId");
  }
  if (state.world.failing_computes?.some((n) => n.toLowerCase() === record.name.toLowerCase())) {
    return { code: "InternalServerError", message: `Provisioning of compute '${record.name}' failed. Please try again later.` };
  }
  const size = state.vmSize(inner.vmSize);
  if (size && state.world.failing_vm_sizes?.some((s) => s.toLowerCase() === size.name.toLowerCase())) {
    return { code: "AllocationFailed", message: `Allocation failed: no capacity for VM size '${size.name}' in region '${location}'.` };
  }
  const quota = quotaError(state, ws.subscription, location, record);
  if (quota) return quota;
  if (typeof rid === "string") return attachError(state.world, type, rid, inner, record.secrets ?? {});
  return undefined;
}

function checkScale(scale: unknown): void {
  const s = (scale ?? {}) as { maxNodeCount?: unknown; minNodeCount?: unknown };
  const max = s.maxNodeCount;
  const min = s.minNodeCount ?? 0;
  if (typeof max !== "number" || !Number.isInteger(max) || max < 0) {
    fail(400, "InvalidPropertyValue", "scaleSettings.maxNodeCount is required and must be a non-negative integer.", "properties.properties.scaleSettings.maxNodeCount");
  }
  if (typeof min !== "number" || !Number.isInteger(min) || min < 0 || min > max) {
    fail(400, "InvalidPropertyValue", `scaleSettings.minNodeCount (${String(min)}) must be an integer between 0 and maxNodeCount (${max}).`, "properties.properties.scaleSettings.minNodeCount");
  }
}

function checkInstanceNameFree(state: EmulatorState, ws: WorkspaceState, name: string, location: string): void {
  for (const [otherWs, other] of state.allComputes()) {
    if (other.deleted || other.body.properties.computeType !== "ComputeInstance") continue;
    if (other.name.toLowerCase() !== name.toLowerCase()) continue;
    if (String(other.body.location).toLowerCase() !== location.toLowerCase()) continue;
    if (otherWs === ws) continue;
    fail(409, "ComputeInstanceNameNotAvailable",
      `A compute instance named '${name}' already exists in region '${location}'. Compute instance names must be unique across all workspaces in an Azure region.`,
      "computeName");
  }
}

function checkAttachTarget(state: EmulatorState, type: ComputeTypeName, rid: string): void {
  const parts = parseResourceId(rid);
  const expected = ATTACH_RESOURCE_TYPES[type];
  if (!parts || !expected) {
    fail(400, "InvalidPropertyValue", `properties.resourceId '${rid}' is not a valid resource id for a ${type} compute.`, "properties.resourceId");
  }
  const actual = [parts.provider, ...parts.types].join("/").toLowerCase();
  if (!expected.includes(actual)) {
    fail(400, "InvalidPropertyValue", `A ${type} compute must point at a ${expected.join(" or ")} resource, not ${actual}.`, "properties.resourceId");
  }
  if (!state.resources.has(idKey(rid))) {
    fail(400, "ResourceNotFound", `The resource '${rid}' to attach was not found. Check the subscription, resource group and name.`, "properties.resourceId");
  }
}
