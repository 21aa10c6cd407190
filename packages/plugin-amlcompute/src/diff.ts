import type { AmlComputeProperties, ComputeResource } from "@azure/arm-machinelearningservices";
import type { FieldChange } from "@computeflow/core";
import type { ProvisionInput } from "./input.js";
import { armPriority, identityBody } from "./body.js";
import { clusterProps } from "./cluster-props.js";
import { durationToSeconds } from "./duration.js";
import { subnetResourceId } from "@computeflow/compute-kit";

const P = "properties.properties";

/** What differs between the step's `with` and the cluster Azure has, split by how it can change. */
export interface ClusterDiff {
  /** Scale settings: PATCH in place. */
  scale: FieldChange[];
  /** Identity, tags, description: a PUT of the whole body, in place. */
  other: FieldChange[];
  /** Needs a new cluster. */
  immutable: FieldChange[];
}

const same = (a: string | undefined, b: string | undefined) => (a ?? "").toLowerCase() === (b ?? "").toLowerCase();
const region = (s: string | undefined) => (s ?? "").toLowerCase().replace(/\s+/g, "");

function identityKey(identity: ComputeResource["identity"]): string {
  if (identity?.type === undefined || identity.type === "None") return "None";
  const ids = Object.keys(identity.userAssignedIdentities ?? {}).map((id) => id.toLowerCase()).sort();
  return [identity.type, ...ids].join(" ");
}

function immutableChanges(input: ProvisionInput, existing: ComputeResource, props: AmlComputeProperties, subscriptionId: string): FieldChange[] {
  const out: FieldChange[] = [];
  const add = (path: string, from: unknown, to: unknown) => out.push({ path, from, to, immutable: true });
  if (!same(props.vmSize, input.vm_size)) add(`${P}.vmSize`, props.vmSize, input.vm_size);
  const priority = armPriority(input.vm_priority);
  if (props.vmPriority !== undefined && !same(props.vmPriority, priority)) add(`${P}.vmPriority`, props.vmPriority, priority);
  const subnet = subnetResourceId(subscriptionId, input);
  if (!same(props.subnet?.id, subnet)) add(`${P}.subnet.id`, props.subnet?.id ?? null, subnet ?? null);
  if (input.location !== undefined && region(existing.location) !== region(input.location)) add("location", existing.location, input.location);
  const admin = props.userAccountCredentials?.adminUserName;
  if (input.admin_username !== undefined && admin !== undefined && admin !== input.admin_username) {
    add(`${P}.userAccountCredentials.adminUserName`, admin, input.admin_username);
  }
  const access = input.remote_login_port_public_access;
  if (access !== "NotSpecified" && props.remoteLoginPortPublicAccess !== undefined && props.remoteLoginPortPublicAccess !== access) {
    add(`${P}.remoteLoginPortPublicAccess`, props.remoteLoginPortPublicAccess, access);
  }
  if (props.enableNodePublicIp !== undefined && props.enableNodePublicIp !== input.enable_node_public_ip) {
    add(`${P}.enableNodePublicIp`, props.enableNodePublicIp, input.enable_node_public_ip);
  }
  return out;
}

function scaleChanges(input: ProvisionInput, props: AmlComputeProperties): FieldChange[] {
  const scale = props.scaleSettings;
  const out: FieldChange[] = [];
  if (scale?.minNodeCount !== input.min_nodes) out.push({ path: `${P}.scaleSettings.minNodeCount`, from: scale?.minNodeCount, to: input.min_nodes });
  if (scale?.maxNodeCount !== input.max_nodes) out.push({ path: `${P}.scaleSettings.maxNodeCount`, from: scale?.maxNodeCount, to: input.max_nodes });
  const idle = durationToSeconds(scale?.nodeIdleTimeBeforeScaleDown);
  if (idle !== input.idle_seconds_before_scaledown) {
    out.push({ path: `${P}.scaleSettings.nodeIdleTimeBeforeScaleDown`, from: scale?.nodeIdleTimeBeforeScaleDown, to: `PT${input.idle_seconds_before_scaledown}S` });
  }
  return out;
}

function otherChanges(input: ProvisionInput, existing: ComputeResource): FieldChange[] {
  const out: FieldChange[] = [];
  const wanted = identityBody(input);
  if (wanted !== undefined && identityKey(existing.identity) !== identityKey(wanted)) {
    out.push({ path: "identity", from: identityKey(existing.identity), to: identityKey(wanted) });
  }
  if (input.tags !== undefined && JSON.stringify(sortKeys(existing.tags ?? {})) !== JSON.stringify(sortKeys(input.tags))) {
    out.push({ path: "tags", from: existing.tags ?? {}, to: input.tags });
  }
  const description = existing.properties?.description;
  if (input.description !== undefined && description !== input.description) out.push({ path: "properties.description", from: description, to: input.description });
  return out;
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/** Identity left out of `with` means "keep whatever the cluster has", like the SDK's add_identity. */
export function diffCluster(input: ProvisionInput, existing: ComputeResource, subscriptionId: string): ClusterDiff {
  const props = clusterProps(existing);
  return {
    scale: scaleChanges(input, props),
    other: otherChanges(input, existing),
    immutable: immutableChanges(input, existing, props, subscriptionId),
  };
}
