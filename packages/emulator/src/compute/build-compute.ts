import { resourceId } from "../arm/arm-id.js";
import type { WorkspaceState } from "../state/emulator-state.js";
import type { ComputeRecord, Json } from "../state/compute-record.js";
import { splitSecrets } from "./secrets.js";
import { DEFAULT_VM_SIZE } from "./compute-rules.js";

const CLUSTER_DEFAULTS: Json = {
  osType: "Linux",
  vmPriority: "Dedicated",
  isolatedNetwork: false,
  remoteLoginPortPublicAccess: "Enabled",
  enableNodePublicIp: true,
  subnet: null,
  userAccountCredentials: null,
  virtualMachineImage: null,
  errors: null,
  allocationState: "Steady",
  currentNodeCount: 0,
  targetNodeCount: 0,
  enableBatchPrivateLink: false,
  propertyBag: {},
};

/** Azure's idle time before scale-down when none is given, in its own spelling (recorded). */
export const DEFAULT_IDLE_TIME = "PT2M";

function instanceDefaults(name: string, ws: WorkspaceState, tenant: string): Json {
  const host = `${name}.${ws.location}.instances.azureml.ms`;
  return {
    applicationSharingPolicy: "Shared",
    // unset reads back null (recorded at 2024-04-01; a value sent is kept)
    computeInstanceAuthorizationType: null,
    imageVersion: null,
    imageSku: null, // recorded at 2023-08-01-preview (fixtures/recorded/ci-create-python-2023-08-01-preview.json)
    subnet: null,
    sshSettings: { sshPublicAccess: "Disabled", adminUserName: "azureuser", sshPort: 50000, adminPublicKey: null },
    autologgerSettings: null,
    personalComputeInstanceSettings: null,
    setupScripts: null,
    schedules: { computeStartStop: [] },
    dataMounts: null,
    dataDisks: null,
    containers: null,
    updateStatus: null,
    versions: { runtime: "emulator" },
    customServices: [],
    osImageMetadata: { currentImageVersion: "emulator", latestImageVersion: "emulator", isLatestOsImageVersion: true, osPatchingStatus: null },
    // Azure's defaults, recorded at 2024-04-01 (fixtures/recorded/ci-read-powershell-2024-04-01.json)
    enableNodePublicIp: true,
    enableBatchPrivateLink: false,
    enableOSPatching: false,
    releaseQuotaOnStop: false,
    enableSSO: true,
    connectivityEndpoints: { publicIpAddress: "20.61.200.10", privateIpAddress: "10.0.0.10" },
    applications: [
      { displayName: "Jupyter", endpointUri: `https://${host}/tree/` },
      { displayName: "Jupyter Lab", endpointUri: `https://${host}/lab` },
    ],
    createdBy: { userName: "emulator user", userOrgId: tenant, userId: "00000000-0000-0000-0000-0000000000u1" },
    errors: [],
    state: "Creating",
  };
}

/** The stored record for a new compute, in its first provisioning state. */
export function buildCompute(ws: WorkspaceState, name: string, input: Json, tenant: string, now: number): ComputeRecord {
  const props = (input.properties ?? {}) as Json;
  const type = String(props.computeType);
  const { visible, secrets } = splitSecrets((props.properties ?? {}) as Json);
  let inner: Json | undefined = visible;
  if (type === "AmlCompute") {
    const scale = (visible.scaleSettings ?? {}) as Json;
    inner = {
      ...CLUSTER_DEFAULTS,
      vmSize: DEFAULT_VM_SIZE,
      ...visible,
      scaleSettings: { minNodeCount: 0, nodeIdleTimeBeforeScaleDown: DEFAULT_IDLE_TIME, ...scale },
      allocationStateTransitionTime: new Date(now).toISOString(),
    };
  } else if (type === "ComputeInstance") {
    const defaults = instanceDefaults(name, ws, tenant);
    const sshSettings = { ...(defaults.sshSettings as Json), ...(visible.sshSettings as Json | undefined) };
    inner = { ...defaults, vmSize: DEFAULT_VM_SIZE, ...visible, sshSettings, lastOperation: {
      operationName: "Create", operationTime: new Date(now).toISOString(), operationStatus: "InProgress", operationTrigger: "User",
    } };
  } else if (props.properties === undefined) inner = undefined;
  const location = String(input.location ?? ws.location);
  const stamp = new Date(now).toISOString();
  const attached = typeof props.resourceId === "string" && props.resourceId.length > 0;
  const body: ComputeRecord["body"] = {
    id: resourceId(ws.subscription, ws.resourceGroup, "Microsoft.MachineLearningServices", "workspaces", ws.name, "computes", name),
    name,
    type: "Microsoft.MachineLearningServices/workspaces/computes",
    location,
    tags: input.tags ?? {},
    ...(input.sku ? { sku: input.sku } : {}),
    ...(input.identity ? { identity: withPrincipal(input.identity as Json, tenant) } : {}),
    systemData: { createdBy: "emulator user", createdByType: "User", createdAt: stamp, lastModifiedBy: "emulator user", lastModifiedByType: "User", lastModifiedAt: stamp },
    properties: {
      computeType: type,
      computeLocation: location,
      description: props.description ?? null,
      resourceId: attached ? props.resourceId : null,
      provisioningState: "Creating",
      createdOn: stamp,
      modifiedOn: stamp,
      provisioningErrors: null,
      provisioningWarnings: null,
      isAttachedCompute: attached && type !== "AmlCompute" && type !== "ComputeInstance",
      disableLocalAuth: props.disableLocalAuth ?? false,
      ...(inner ? { properties: inner } : {}),
    },
  };
  return { name, body, nodes: [], nodeSeq: 0, resizeGen: 0, secrets };
}

export function withPrincipal(identity: Json, tenant: string): Json {
  const type = String(identity.type ?? "None");
  if (!type.includes("SystemAssigned")) return identity;
  return { ...identity, principalId: "00000000-0000-0000-0000-00000000aaaa", tenantId: tenant };
}
