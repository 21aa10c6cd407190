import type { JsonSchema } from "@computeflow/core";

const text = { type: "string", minLength: 1 } as const;

const trigger: JsonSchema = {
  oneOf: [
    {
      type: "object",
      additionalProperties: false,
      required: ["type", "expression"],
      properties: {
        type: { const: "cron" },
        expression: { ...text, description: "Cron expression, e.g. `0 18 * * *`." },
        start_time: { ...text, description: "ISO 8601 local time the schedule starts, e.g. 2026-01-01T00:00:00." },
        time_zone: { ...text, default: "UTC", description: "Windows time zone name, e.g. `Pacific Standard Time`." },
      },
    },
    {
      type: "object",
      additionalProperties: false,
      required: ["type", "frequency"],
      properties: {
        type: { const: "recurrence" },
        frequency: { enum: ["minute", "hour", "day", "week", "month"] },
        interval: { type: "integer", minimum: 1, default: 1 },
        schedule: {
          type: "object",
          additionalProperties: false,
          properties: {
            hours: { type: "array", items: { type: "integer", minimum: 0, maximum: 23 } },
            minutes: { type: "array", items: { type: "integer", minimum: 0, maximum: 59 } },
            week_days: { type: "array", items: { enum: ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] } },
          },
        },
        start_time: { ...text },
        time_zone: { ...text, default: "UTC" },
      },
    },
  ],
};

const script: JsonSchema = {
  type: "object",
  additionalProperties: false,
  required: ["path"],
  properties: {
    path: { ...text, description: "The script in the workspace's default file share." },
    command: { type: "string", description: "Arguments passed to the script." },
    timeout_minutes: { type: "integer", minimum: 1, description: "How long the script may run." },
  },
};

/**
 * The compute instance settings the Python SDK v2 (azure-ai-ml `ComputeInstance`) has and
 * the 2021-07-01 API lacks or this plugin did not expose, with the SDK's names.
 */
export const featureProperties: Record<string, JsonSchema> = {
  idle_time_before_shutdown_minutes: {
    type: "integer",
    minimum: 15,
    description: "Stop the instance after this many idle minutes (idleTimeBeforeShutdown, api-version 2023-04-01). Changes in place.",
  },
  schedules: {
    type: "object",
    additionalProperties: false,
    required: ["compute_start_stop"],
    properties: {
      compute_start_stop: {
        type: "array",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["action", "trigger"],
          properties: {
            action: { enum: ["start", "stop"] },
            state: { enum: ["enabled", "disabled"], default: "enabled" },
            trigger,
          },
        },
      },
    },
    description: "Start/stop schedules by cron or recurrence, with a time zone (api-version 2022-10-01). Changes in place.",
  },
  setup_scripts: {
    type: "object",
    additionalProperties: false,
    properties: { creation_script: script, startup_script: script },
    description: "Scripts run once at creation and at every start (setupScripts). A change replaces the instance.",
  },
  enable_node_public_ip: {
    type: "boolean",
    description: "Give the instance a public IP address (enableNodePublicIp, api-version 2022-10-01). A change replaces the instance.",
  },
};
