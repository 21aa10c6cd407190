import type { ComputeResource } from "@azure/arm-machinelearningservices";
import type { FieldChange } from "@computeflow/core";
import { subnetResourceId } from "@computeflow/compute-kit";
import type { ProvisionInput } from "./input.js";
import { instanceProps } from "./instance-props.js";

const P = "properties.properties";
const same = (a: string | undefined, b: string | undefined) => (a ?? "").toLowerCase() === (b ?? "").toLowerCase();

export interface InstanceDiff {
  /** Tags and description: a PUT, in place. */
  other: FieldChange[];
  immutable: FieldChange[];
}

export function diffInstance(input: ProvisionInput, existing: ComputeResource, subscriptionId: string): InstanceDiff {
  const props = instanceProps(existing);
  const immutable: FieldChange[] = [];
  const add = (path: string, from: unknown, to: unknown) => immutable.push({ path, from, to, immutable: true });
  if (!same(props.vmSize, input.vm_size)) add(`${P}.vmSize`, props.vmSize, input.vm_size);
  const subnet = subnetResourceId(subscriptionId, input);
  if (!same(props.subnet?.id, subnet)) add(`${P}.subnet.id`, props.subnet?.id ?? null, subnet ?? null);
  const access = input.ssh_public_access ? "Enabled" : "Disabled";
  if (props.sshSettings?.sshPublicAccess !== undefined && props.sshSettings.sshPublicAccess !== access) {
    add(`${P}.sshSettings.sshPublicAccess`, props.sshSettings.sshPublicAccess, access);
  }
  const user = props.personalComputeInstanceSettings?.assignedUser;
  if (input.assigned_user_object_id !== undefined && !same(user?.objectId, input.assigned_user_object_id)) {
    add(`${P}.personalComputeInstanceSettings.assignedUser.objectId`, user?.objectId ?? null, input.assigned_user_object_id);
  }
  const other: FieldChange[] = [];
  if (input.tags !== undefined && JSON.stringify(existing.tags ?? {}) !== JSON.stringify(input.tags)) other.push({ path: "tags", from: existing.tags ?? {}, to: input.tags });
  const description = existing.properties?.description;
  if (input.description !== undefined && description !== input.description) other.push({ path: "properties.description", from: description, to: input.description });
  return { other, immutable };
}
