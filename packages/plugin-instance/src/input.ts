import type { FeatureInput } from "./features-input.js";

/** `with` of `action: provision`, after defaults (see schema.ts). */
export interface ProvisionInput extends FeatureInput {
  vm_size: string;
  ssh_public_access: boolean;
  admin_user_ssh_public_key?: string;
  vnet_resourcegroup_name?: string;
  vnet_name?: string;
  subnet_name?: string;
  assigned_user_object_id?: string;
  assigned_user_tenant_id?: string;
  tags?: Record<string, string>;
  description?: string;
  unique_name: boolean;
  /** Power state at the end of the run. */
  state: "running" | "stopped";
}

/** `with` of start, stop, restart and delete. */
export interface TargetInput {
  compute?: string;
}
