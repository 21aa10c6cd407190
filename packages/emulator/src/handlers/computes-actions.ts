import { fail, type Reply } from "../arm/arm-error.js";
import { instancePowerHandler } from "./computes-power.js";
import { startUpdate } from "../compute/update-compute.js";
import type { RequestContext } from "../http/context.js";
import { computeType, innerProps, type Json } from "../state/compute-record.js";
import { requireCompute } from "./lookup.js";

export const startCompute = instancePowerHandler("start");
export const stopCompute = instancePowerHandler("stop");
export const restartCompute = instancePowerHandler("restart");

/** PATCH: AmlCompute scale settings only (ClusterUpdateParameters). */
export function patchCompute(ctx: RequestContext): Reply {
  const [, record] = requireCompute(ctx);
  if (computeType(record) !== "AmlCompute") {
    fail(400, "BadRequest", `Only AmlCompute scale settings can be updated with PATCH; '${record.name}' is ${computeType(record)}.`);
  }
  const body = (ctx.body ?? {}) as { properties?: { properties?: Json; scaleSettings?: Json } };
  const scale = (body.properties?.properties?.scaleSettings ?? body.properties?.scaleSettings) as Json | undefined;
  if (!scale) fail(400, "InvalidRequestContent", "PATCH body must carry properties.properties.scaleSettings.");
  const inner = innerProps(record);
  const merged = { ...(inner.scaleSettings as Json), ...scale };
  const max = merged.maxNodeCount;
  const min = merged.minNodeCount ?? 0;
  if (typeof max !== "number" || typeof min !== "number" || min < 0 || min > max) {
    fail(400, "InvalidPropertyValue", `scaleSettings.minNodeCount (${String(min)}) must be between 0 and maxNodeCount (${String(max)}).`, "properties.properties.scaleSettings");
  }
  if (record.body.properties.provisioningState !== "Succeeded") {
    fail(409, "Conflict", `Compute '${record.name}' is ${String(record.body.properties.provisioningState)}; scale settings can change once it has Succeeded.`);
  }
  const oldMin = (inner.scaleSettings as Json).minNodeCount;
  inner.scaleSettings = merged;
  // Azure answers a scale PATCH with 202 Updating and Azure-AsyncOperation (recorded)
  return startUpdate(ctx, record, oldMin, { status: 202, provisioningState: "Updating", sent: body.properties?.properties ?? { scaleSettings: scale } });
}

export function listNodes(ctx: RequestContext): Reply {
  const [, record] = requireCompute(ctx);
  if (computeType(record) !== "AmlCompute") {
    // Azure's own wording (Azure/azure-rest-api-specs-examples#5127, fixtures/recorded/ci-listnodes-error-issue-2024-04-01.json)
    fail(400, "BadRequest", `ComputeListNodes with computeType ${computeType(record)} is not supported.`);
  }
  return { status: 200, body: { computeType: "AmlCompute", nodes: record.nodes.map((n) => ({ ...n, runId: null })) } };
}

/** listKeys: the secrets given at attach (or generated for AKS). */
export function listKeys(ctx: RequestContext): Reply {
  const [, record] = requireCompute(ctx);
  const type = computeType(record);
  const s = record.secrets ?? {};
  const account = (innerProps(record).administratorAccount ?? {}) as Json;
  switch (type) {
    case "VirtualMachine":
      return { status: 200, body: { computeType: type, administratorAccount: { ...account, ...pick(s, "password", "privateKeyData") } } };
    case "Databricks":
      return { status: 200, body: { computeType: type, databricksAccessToken: s.databricksAccessToken ?? null } };
    case "AKS":
      return { status: 200, body: { computeType: type, userKubeConfig: kubeConfig(record.name, "user"), adminKubeConfig: kubeConfig(record.name, "admin"), imagePullSecretName: null } };
    default:
      fail(400, "BadRequest", `listKeys is not supported for compute type ${type}.`);
  }
}

function pick(o: Json, ...keys: string[]): Json {
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
}

function kubeConfig(name: string, who: string): string {
  return `apiVersion: v1\nkind: Config\nclusters:\n- name: ${name}\n  cluster: { server: https://${name}.emulator.invalid:443 }\nusers:\n- name: ${who}\n  user: { token: emulator-${who} }\n`;
}
