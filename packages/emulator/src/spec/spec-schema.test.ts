import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { COMMON_TYPES, COMPUTE_SCHEMA, COMPUTE_SWAGGER, readJson } from "./spec-files.js";
import { specProblems } from "./spec-oracle.js";
import { swaggerToJsonSchema, type SwaggerDefinitions } from "./swagger-to-json-schema.js";

describe("the REST spec as JSON Schema", () => {
  it("is the checked-in conversion of the spec's definitions, with their source commits", () => {
    const converted = `${JSON.stringify(swaggerToJsonSchema(readJson<SwaggerDefinitions>(COMPUTE_SWAGGER), readJson<SwaggerDefinitions>(COMMON_TYPES)), null, 2)}\n`;
    const file = fileURLToPath(COMPUTE_SCHEMA);
    if (process.env.SPEC_WRITE === "1") writeFileSync(file, converted);
    expect(readFileSync(file, "utf8")).toBe(converted);
    expect(converted).toMatch(/azure-rest-api-specs .*02883cdd12b04863e7f99c52dd3877e29947f325/);
    expect(converted).toContain("Azure/azure-rest-api-specs@01efba9ffbbfb58c9e9d69859153127379cb00d9");
    expect(converted).not.toMatch(/"x-ms-|"discriminator"/);
  });

  it("dispatches on computeType, treats null as absent, and still catches wrong types", () => {
    const aml = { location: "westeurope", properties: { computeType: "AmlCompute", description: null, properties: { vmSize: "Standard_DS3_v2", scaleSettings: { maxNodeCount: 2, nodeIdleTimeBeforeScaleDown: null } } } };
    expect(specProblems("ComputeResource", aml)).toEqual([]);
    const wrong = { properties: { computeType: "AmlCompute", properties: { scaleSettings: { maxNodeCount: "two" } } } };
    expect(specProblems("ComputeResource", wrong)).toEqual(expect.arrayContaining([expect.stringContaining("/properties/properties/scaleSettings/maxNodeCount")]));
    const vm = { properties: { computeType: "VirtualMachine", properties: { sshPort: "22" } } };
    expect(specProblems("ComputeResource", vm)).toEqual(expect.arrayContaining([expect.stringContaining("sshPort")]));
    expect(specProblems("ComputeResource", { properties: { computeType: "NoSuchType" } })).not.toEqual([]);
  });
});
