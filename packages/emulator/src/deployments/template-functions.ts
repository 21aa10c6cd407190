import { TemplateError, type ExprNode } from "./template-expression.js";

/** What the functions can see: parameter values, the deployment's scope, and reference(). */
export interface EvalScope {
  parameters: Record<string, unknown>;
  subscriptionId: string;
  resourceGroup: string;
  /** The GET body of a deployed resource, by id; undefined while it is not deployed. */
  reference(id: string, apiVersion: string | undefined, full: boolean): unknown;
}

type Fn = (args: unknown[], scope: EvalScope) => unknown;

/** The template functions the emulator evaluates: exactly those the compiler emits. */
export const FUNCTIONS: Readonly<Record<string, Fn>> = {
  parameters: ([name], scope) => {
    if (typeof name !== "string" || !Object.hasOwn(scope.parameters, name)) throw new TemplateError(`The template parameter '${String(name)}' is not found.`);
    return scope.parameters[name];
  },
  concat: (args) => {
    if (args.every((a) => Array.isArray(a))) return (args as unknown[][]).flat();
    return args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join("");
  },
  resourceId: (args, scope) => {
    const parts = args.map(String);
    const type = parts.find((p) => p.includes("/"));
    if (!type) throw new TemplateError("resourceId() needs a resource type such as 'Microsoft.X/y'.");
    const at = parts.indexOf(type);
    const [sub, rg] = at === 2 ? [parts[0]!, parts[1]!] : at === 1 ? [scope.subscriptionId, parts[0]!] : [scope.subscriptionId, scope.resourceGroup];
    const [namespace, ...types] = type.split("/");
    const names = parts.slice(at + 1);
    if (names.length !== types.length) throw new TemplateError(`resourceId() for '${type}' needs ${types.length} name(s), got ${names.length}.`);
    return `/subscriptions/${sub}/resourceGroups/${rg}/providers/${namespace}/${types.map((t, i) => `${t}/${names[i]}`).join("/")}`;
  },
  reference: ([id, apiVersion, full], scope) => {
    const value = scope.reference(String(id), apiVersion === undefined ? undefined : String(apiVersion), String(full ?? "").toLowerCase() === "full");
    if (value === undefined) throw new TemplateError(`The resource '${String(id)}' is not defined in the template or not yet deployed.`);
    return value;
  },
};

export function evaluateNode(node: ExprNode, scope: EvalScope): unknown {
  if (node.kind !== "call") return node.value;
  const fn = FUNCTIONS[node.name] ?? FUNCTIONS[Object.keys(FUNCTIONS).find((k) => k.toLowerCase() === node.name.toLowerCase()) ?? ""];
  if (!fn) throw unknownFunction(node.name);
  let value = fn(node.args.map((a) => evaluateNode(a, scope)), scope);
  for (const a of node.access) {
    const key = a.kind === "property" ? a.name : evaluateNode(a.index, scope);
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, String(key))) {
      throw new TemplateError(`The language expression property '${String(key)}' doesn't exist, available properties are '${value && typeof value === "object" ? Object.keys(value).join(", ") : ""}'.`);
    }
    value = (value as Record<string, unknown>)[String(key)];
  }
  return value;
}

export function unknownFunction(name: string): TemplateError {
  return new TemplateError(`The template function '${name}' is not expected. The functions this emulator evaluates are: ${Object.keys(FUNCTIONS).join(", ")}.`);
}
