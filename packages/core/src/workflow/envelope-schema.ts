import type { JsonSchema } from "../plugin.js";

export const STEP_ID_PATTERN = "^[a-z][a-z0-9-]*$";
export const INPUT_NAME_PATTERN = "^[A-Za-z_][A-Za-z0-9_-]*$";

const retry = {
  description: "A number N retries a failed step up to N times (N + 1 attempts); the object form says it exactly.",
  oneOf: [
    { type: "integer", minimum: 0, maximum: 20 },
    {
      type: "object",
      additionalProperties: false,
      required: ["max_attempts"],
      properties: {
        max_attempts: { type: "integer", minimum: 1, maximum: 21 },
        delay_seconds: { type: "number", minimum: 0, maximum: 3600 },
      },
    },
  ],
};

const stepFields = {
  timeout_minutes: { type: "number", exclusiveMinimum: 0, description: "Fail the step when its operation takes longer." },
  retry,
  continue_on_error: { type: "boolean", description: "Let the run succeed and dependants run even when this step fails." },
};

const input = {
  type: "object",
  additionalProperties: false,
  required: ["type"],
  properties: {
    type: { enum: ["string", "number", "boolean", "choice"] },
    description: { type: "string" },
    required: { type: "boolean" },
    default: { type: ["string", "number", "boolean"] },
    options: { type: "array", minItems: 1, items: { type: ["string", "number"] } },
  },
  if: { properties: { type: { const: "choice" } } },
  then: { required: ["options"] },
};

const step = {
  type: "object",
  additionalProperties: false,
  required: ["uses", "action"],
  properties: {
    name: { type: "string", minLength: 1, description: "The compute name in the workspace; defaults to the step id." },
    uses: { type: "string", minLength: 1, description: "Plugin: a short name (amlcompute), an npm package, or a path (./plugins/x.js)." },
    action: { type: "string", pattern: "^[a-z][a-z-]*$", description: "provision, attach, configure-run, detach ..." },
    with: { type: "object", description: "The action's parameters, validated by the plugin's schema." },
    needs: {
      description: "Steps that must finish first (references to steps.ID.outputs add to these).",
      oneOf: [
        { type: "string", pattern: STEP_ID_PATTERN },
        { type: "array", uniqueItems: true, items: { type: "string", pattern: STEP_ID_PATTERN } },
      ],
    },
    if: { type: ["string", "boolean"], description: "Run the step only when this expression is true." },
    ...stepFields,
  },
};

const schema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://computeflow.dev/schemas/workflow-v1.json",
  title: "computeflow workflow",
  type: "object",
  additionalProperties: false,
  required: ["version", "name", "workspace", "steps"],
  properties: {
    $schema: { type: "string" },
    version: { const: 1, description: "The workflow language version." },
    name: { type: "string", minLength: 1 },
    description: { type: "string" },
    workspace: {
      type: "object",
      additionalProperties: false,
      required: ["subscription_id", "resource_group", "name"],
      properties: {
        subscription_id: { type: "string", minLength: 1 },
        resource_group: { type: "string", minLength: 1 },
        name: { type: "string", minLength: 1 },
      },
    },
    inputs: {
      type: "object",
      propertyNames: { pattern: INPUT_NAME_PATTERN },
      additionalProperties: input,
    },
    defaults: { type: "object", additionalProperties: false, properties: stepFields },
    steps: {
      type: "object",
      minProperties: 1,
      propertyNames: { pattern: STEP_ID_PATTERN },
      additionalProperties: step,
    },
  },
} as const;

/** The JSON Schema of a workflow file's envelope (`computeflow schema` prints it). */
export function envelopeSchema(): JsonSchema {
  return structuredClone(schema) as unknown as JsonSchema;
}

/** Shared, frozen copy for validation (compiled once). */
export const ENVELOPE_SCHEMA: JsonSchema = schema as unknown as JsonSchema;
