/** `with` of `action: attach`, after defaults (see schema.ts). */
export interface AttachInput {
  resource_id: string;
  namespace: string;
  identity_type?: "SystemAssigned" | "UserAssigned";
  identity_id?: string[];
  description?: string;
}
