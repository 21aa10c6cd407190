import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readJson, SPEC_VERSIONS, specFor } from "./spec-files.js";
import { specProblems } from "./spec-oracle.js";
import { swaggerToJsonSchema, type SwaggerDefinitions } from "./swagger-to-json-schema.js";

const SOURCES: Record<string, RegExp[]> = {
  "2021-07-01": [/azure-rest-api-specs .*02883cdd12b04863e7f99c52dd3877e29947f325/, /Azure\/azure-rest-api-specs@01efba9ffbbfb58c9e9d69859153127379cb00d9/],
  "2022-10-01": [/Azure\/azure-rest-api-specs@4984b1579aa6bada687da829863e82fd2df8d970:.*stable\/2022-10-01\//, /Azure\/azure-rest-api-specs@05432ee0bc8a3feb5bc0f6fd21f49bb7aeaf13af:.*v3\/types\.json/],
  "2023-04-01": [/Azure\/azure-rest-api-specs@cfc781db243d9f427e8979b6c35d8125d36a1e6e:.*stable\/2023-04-01\//, /Azure\/azure-rest-api-specs@05432ee0bc8a3feb5bc0f6fd21f49bb7aeaf13af:.*v3\/types\.json/],
};

describe("the REST spec as JSON Schema", () => {
  it.each(SPEC_VERSIONS.map((s) => [s.version, s] as const))("%s: is the checked-in conversion of the spec's definitions, with their source commits", (version, s) => {
    const converted = `${JSON.stringify(swaggerToJsonSchema(readJson<SwaggerDefinitions>(s.swagger), readJson<SwaggerDefinitions>(s.common)), null, 2)}\n`;
    const file = fileURLToPath(s.schema);
    if (process.env.SPEC_WRITE === "1") writeFileSync(file, converted);
    expect(readFileSync(file, "utf8")).toBe(converted);
    for (const source of SOURCES[version]!) expect(converted).toMatch(source);
    expect(converted).not.toMatch(/"x-ms-|"discriminator"|"\$ref": "\.\/|"\$ref": "\.\.\//);
  });

  it("picks the newest spec not after the request's api-version", () => {
    expect(specFor("2021-07-01").version).toBe("2021-07-01");
    expect(specFor("2022-10-01").version).toBe("2022-10-01");
    expect(specFor("2023-02-01-preview").version).toBe("2022-10-01");
    expect(specFor("2024-04-01").version).toBe("2023-04-01");
    expect(specFor(undefined).version).toBe("2021-07-01");
  });

  it("dispatches on computeType, treats null as absent, and still catches wrong types", () => {
    const aml = { location: "westeurope", properties: { computeType: "AmlCompute", description: null, properties: { vmSize: "Standard_DS3_v2", scaleSettings: { maxNodeCount: 2, nodeIdleTimeBeforeScaleDown: null } } } };
    const wrong = { properties: { computeType: "AmlCompute", properties: { scaleSettings: { maxNodeCount: "two" } } } };
    const vm = { properties: { computeType: "VirtualMachine", properties: { sshPort: "22" } } };
    for (const { version } of SPEC_VERSIONS) {
      expect(specProblems("ComputeResource", aml, version)).toEqual([]);
      expect(specProblems("ComputeResource", wrong, version)).toEqual(expect.arrayContaining([expect.stringContaining("/properties/properties/scaleSettings/maxNodeCount")]));
      expect(specProblems("ComputeResource", vm, version)).toEqual(expect.arrayContaining([expect.stringContaining("sshPort")]));
      expect(specProblems("ComputeResource", { properties: { computeType: "NoSuchType" } }, version)).not.toEqual([]);
    }
  });

  it("judges Kubernetes computes from 2022-10-01 on", () => {
    const k8s = (namespace: unknown) => ({ properties: { computeType: "Kubernetes", resourceId: "/subscriptions/s/resourceGroups/r/providers/Microsoft.Kubernetes/connectedClusters/c", properties: { namespace, defaultInstanceType: "small", instanceTypes: { small: { nodeSelector: null, resources: { requests: { cpu: "1" }, limits: { memory: "2Gi" } } } } } } });
    for (const version of ["2022-10-01", "2023-04-01"]) {
      expect(specProblems("ComputeResource", k8s("ml"), version)).toEqual([]);
      expect(specProblems("ComputeResource", k8s(7), version)).toEqual([expect.stringContaining("/properties/properties/namespace: must be string")]);
      const badLimit = { properties: { computeType: "Kubernetes", properties: { instanceTypes: { small: { resources: { limits: { cpu: 1 } } } } } } };
      expect(specProblems("ComputeResource", badLimit, version)).toEqual([expect.stringContaining("instanceTypes/small/resources/limits/cpu: must be string")]);
    }
  });

  it("knows how each version spells a compute instance's schedules, custom services and idle shutdown", () => {
    const withSchedule = (schedule: object) => ({ properties: { computeType: "ComputeInstance", properties: { schedules: { computeStartStop: [schedule] } } } });
    const cron = { action: "Stop", triggerType: "Cron", cron: { expression: "0 18 * * *", timeZone: "UTC" }, status: "Enabled" };
    expect(specProblems("ComputeResource", withSchedule(cron), "2023-04-01")).toEqual([]);
    expect(specProblems("ComputeResource", withSchedule({ ...cron, cron: { expression: 18 } }), "2023-04-01")).toEqual([expect.stringContaining("cron/expression: must be string")]);
    expect(specProblems("ComputeResource", withSchedule(cron), "2022-10-01")).toEqual([]);
    // the deprecated nested "schedule" is the closed ScheduleBase {id, provisioningStatus, status}
    expect(specProblems("ComputeResource", withSchedule({ action: "Stop", schedule: { status: "Enabled", cron: "x" } }), "2022-10-01")).toEqual([expect.stringContaining("must NOT have additional properties")]);
    const services = (target: unknown) => ({ properties: { computeType: "ComputeInstance", properties: { customServices: [{ name: "svc", endpoints: [{ name: "web", target }] }] } } });
    expect(specProblems("ComputeResource", services("8888"), "2023-04-01")).toEqual([expect.stringContaining("customServices/0/endpoints/0/target: must be integer")]);
    expect(specProblems("ComputeResource", services(8888), "2023-04-01")).toEqual([]);
    expect(specProblems("ComputeResource", services("8888"), "2022-10-01")).toEqual([]); // 2022-10-01 has no customServices
    expect(specProblems("IdleShutdownSetting", { idleTimeBeforeShutdown: 60 }, "2023-04-01")).toEqual([expect.stringContaining("idleTimeBeforeShutdown: must be string")]);
    expect(specProblems("IdleShutdownSetting", { idleTimeBeforeShutdown: 60 }, "2022-10-01")).toEqual([]); // not in that version's spec
  });

  it("holds the ARM envelope to common-types v3 from 2022-10-01 on", () => {
    const identity = { identity: { principalId: "p" }, properties: { computeType: "AmlCompute" } };
    expect(specProblems("ComputeResource", identity, "2022-10-01")).toEqual([expect.stringContaining("/identity: must have required property 'type'")]);
    expect(specProblems("common.ErrorResponse", { error: { code: 400 } }, "2023-04-01")).toEqual([expect.stringContaining("/error/code: must be string")]);
  });
});
