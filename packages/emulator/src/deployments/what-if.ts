import { IMMUTABLE_PROPERTIES, type ComputeTypeName } from "../compute/compute-rules.js";
import { splitSecrets } from "../compute/secrets.js";
import { computeType, innerProps, type ComputeRecord, type Json } from "../state/compute-record.js";
import type { EmulatorState } from "../state/emulator-state.js";
import type { ResourceOperation } from "./deployment-record.js";
import { evaluateValue, requestBody, type Template } from "./evaluate-template.js";
import { scopeOf } from "./run-deployment.js";

interface Delta {
  path: string;
  propertyChangeType: "Modify";
  before: unknown;
  after: unknown;
}

const same = (a: unknown, b: unknown) =>
  typeof a === "string" && typeof b === "string" ? a.toLowerCase() === b.toLowerCase() : JSON.stringify(a) === JSON.stringify(b);

/**
 * What-if, by the emulator's own update rules: a compute that does not exist is a Create;
 * for one that does, the fields a PUT would change (description, tags, identity, scale
 * settings, AKS settings, and immutable fields that would be refused) are the delta.
 */
export function whatIf(state: EmulatorState, template: Template, parameters: Record<string, unknown>, operations: ResourceOperation[], subscription: string, resourceGroup: string): Json {
  const scope = scopeOf({ parameters, subscription, resourceGroup, operations: [] } as never, state);
  const changes = operations.map((op) => {
    const record = lookup(state, op);
    let after: Json;
    try {
      after = requestBody(evaluateValue(template.resources![op.index], scope) as Json);
    } catch (e) {
      return { resourceId: op.id, changeType: record ? "Unsupported" : "Create", unsupportedReason: (e as Error).message };
    }
    if (!record) return { resourceId: op.id, changeType: "Create", after: { ...after, ...redacted(after) } };
    const delta = predictDelta(record, after);
    return { resourceId: op.id, changeType: delta.length ? "Modify" : "NoChange", before: record.body, after: record.body, ...(delta.length ? { delta } : {}) };
  });
  return { status: "Succeeded", properties: { changes } };
}

function lookup(state: EmulatorState, op: ResourceOperation): ComputeRecord | undefined {
  const [, sub, rg, ws] = /\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.MachineLearningServices\/workspaces\/([^/]+)\//i.exec(op.id) ?? [];
  const record = state.workspace(sub!, rg!, ws!)?.computes.get(op.compute.toLowerCase());
  return record && !record.deleted ? record : undefined;
}

function redacted(body: Json): Json {
  const props = (body.properties ?? {}) as Json;
  return props.properties ? { properties: { ...props, properties: splitSecrets(props.properties as Json).visible } } : {};
}

function predictDelta(record: ComputeRecord, input: Json): Delta[] {
  const out: Delta[] = [];
  const add = (path: string, before: unknown, after: unknown) => {
    if (after !== undefined && !same(before, after)) out.push({ path, propertyChangeType: "Modify", before, after });
  };
  const props = (input.properties ?? {}) as Json;
  const type = computeType(record) as ComputeTypeName;
  add("properties.computeType", type, props.computeType);
  add("properties.resourceId", record.body.properties.resourceId, props.resourceId);
  add("properties.description", record.body.properties.description, props.description);
  add("tags", record.body.tags, input.tags);
  add("identity.type", (record.body.identity as Json | undefined)?.type, (input.identity as Json | undefined)?.type);
  const visible = splitSecrets((props.properties ?? {}) as Json).visible;
  const inner = innerProps(record);
  for (const key of IMMUTABLE_PROPERTIES[type] ?? []) add(`properties.properties.${key}`, inner[key], visible[key]);
  if (type === "AmlCompute" && visible.scaleSettings) {
    for (const [k, v] of Object.entries(visible.scaleSettings as Json)) add(`properties.properties.scaleSettings.${k}`, (inner.scaleSettings as Json | undefined)?.[k], v);
  }
  if (type === "AKS") for (const [k, v] of Object.entries(visible)) add(`properties.properties.${k}`, inner[k], v);
  return out;
}
