import { TemplateError, functionsIn, isExpression, parseExpression, unescapeLiteral } from "./template-expression.js";
import { evaluateNode, FUNCTIONS, unknownFunction, type EvalScope } from "./template-functions.js";

export const COMPUTE_TYPE = "Microsoft.MachineLearningServices/workspaces/computes";
/** Keys of a template resource that are not part of the request body ARM sends for it. */
export const META_KEYS: ReadonlySet<string> = new Set(["type", "apiVersion", "name", "dependsOn", "comments", "condition", "copy", "scope"]);

export interface TemplateResource {
  type: string;
  apiVersion: string;
  name: string;
  dependsOn?: string[];
  [key: string]: unknown;
}

export interface Template {
  parameters?: Record<string, { type?: string; defaultValue?: unknown }>;
  resources?: TemplateResource[];
  outputs?: Record<string, { type?: string; value?: unknown }>;
}

/** Evaluates every string of a value: expressions run, `[[` literals lose one bracket. */
export function evaluateValue(value: unknown, scope: EvalScope): unknown {
  if (Array.isArray(value)) return value.map((v) => evaluateValue(v, scope));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluateValue(v, scope)]));
  if (typeof value !== "string") return value;
  return isExpression(value) ? evaluateNode(parseExpression(value), scope) : unescapeLiteral(value);
}

/** Parses every expression and refuses unknown functions and resource types before anything is deployed. */
export function checkTemplate(template: Template): void {
  if (!template || typeof template !== "object" || !Array.isArray(template.resources)) throw new TemplateError("The template must have a 'resources' array.");
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value !== null && typeof value === "object") return Object.values(value).forEach(visit);
    if (typeof value !== "string" || !isExpression(value)) return;
    for (const name of functionsIn(parseExpression(value))) {
      if (!Object.keys(FUNCTIONS).some((k) => k.toLowerCase() === name.toLowerCase())) throw unknownFunction(name);
    }
  };
  visit(template.resources);
  visit(template.outputs ?? {});
  for (const r of template.resources) {
    if (r.type !== COMPUTE_TYPE) throw new TemplateError(`The resource type '${String(r.type)}' is not supported by the emulator's deployments (only ${COMPUTE_TYPE}).`);
    if (typeof r.name !== "string" || typeof r.apiVersion !== "string") throw new TemplateError("Every resource needs 'name' and 'apiVersion'.");
  }
}

/** Parameter values: given values, else defaults; a parameter with neither is an error. */
export function parameterValues(template: Template, given: Record<string, { value?: unknown }> | undefined): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(template.parameters ?? {})) {
    const supplied = given?.[name];
    if (supplied && "value" in supplied) values[name] = supplied.value;
    else if (def && "defaultValue" in def) values[name] = def.defaultValue;
    else throw new TemplateError(`The value for the template parameter '${name}' is not provided.`);
  }
  for (const name of Object.keys(given ?? {})) {
    if (!(name in values)) throw new TemplateError(`The template parameter '${name}' is not valid: the template does not declare it.`);
  }
  return values;
}

/** The request body ARM sends for a resource: everything but the template's own keys. */
export function requestBody(resource: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(resource).filter(([k]) => !META_KEYS.has(k)));
}
