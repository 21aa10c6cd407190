/** The ARM deployment template (schema 2019-04-01) subset the compiler writes. */
export const TEMPLATE_SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
export const COMPUTE_TYPE = "Microsoft.MachineLearningServices/workspaces/computes";

export interface TemplateParameter {
  type: "string" | "securestring" | "int" | "bool" | "object" | "array";
  defaultValue?: unknown;
  metadata?: { description?: string };
}

export interface TemplateResource {
  type: string;
  apiVersion: string;
  name: string;
  dependsOn?: string[];
  [body: string]: unknown;
}

export interface ArmTemplate {
  $schema: string;
  contentVersion: string;
  metadata: Record<string, unknown>;
  parameters: Record<string, TemplateParameter>;
  resources: TemplateResource[];
  outputs: Record<string, { type: string; value: string }>;
}

/** Template keys that describe a resource rather than belong to its request body. */
export const RESOURCE_META_KEYS: ReadonlySet<string> = new Set(["type", "apiVersion", "name", "dependsOn", "comments", "condition", "copy", "scope"]);

/** A string literal inside an ARM expression: single quotes, doubled when inside. */
export function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A literal JSON string that ARM must not read as an expression. */
export function literalString(text: string): string {
  return text.startsWith("[") ? `[${text}` : text;
}

export function computeResourceId(workspace: string, compute: string): string {
  return `resourceId(${quote(COMPUTE_TYPE)}, ${quote(workspace)}, ${quote(compute)})`;
}
