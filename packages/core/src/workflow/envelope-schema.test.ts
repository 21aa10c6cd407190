import { describe, expect, it } from "vitest";
import { envelopeSchema } from "./envelope-schema.js";
import type { InputDefinition } from "./inputs.js";
import type { StepFile, WorkflowFile } from "./workflow-file.js";

type Keys<T> = Record<keyof Required<T>, true>;
const workflowKeys = { $schema: true, version: true, name: true, description: true, workspace: true, inputs: true, defaults: true, steps: true } satisfies Keys<WorkflowFile>;
const stepKeys = { name: true, uses: true, action: true, with: true, needs: true, if: true, timeout_minutes: true, retry: true, continue_on_error: true } satisfies Keys<StepFile>;
const inputKeys = { type: true, description: true, required: true, default: true, options: true } satisfies Keys<InputDefinition>;

const props = (schema: unknown): string[] => Object.keys((schema as { properties: object }).properties).sort();

describe("envelopeSchema", () => {
  const schema = envelopeSchema() as Record<string, any>;

  it("describes exactly the keys the input types have", () => {
    expect(props(schema)).toEqual(Object.keys(workflowKeys).sort());
    expect(props(schema["properties"].steps.additionalProperties)).toEqual(Object.keys(stepKeys).sort());
    expect(props(schema["properties"].inputs.additionalProperties)).toEqual(Object.keys(inputKeys).sort());
  });

  it("is a draft 2020-12 schema with an id, closed to unknown keys", () => {
    expect(schema).toMatchObject({ $schema: "https://json-schema.org/draft/2020-12/schema", $id: expect.stringContaining("workflow"), additionalProperties: false });
    expect(schema["properties"].steps.propertyNames).toEqual({ pattern: "^[a-z][a-z0-9-]*$" });
  });

  it("hands out a copy", () => {
    schema["properties"].version.const = 2;
    expect((envelopeSchema() as Record<string, any>)["properties"].version.const).toBe(1);
  });
});
