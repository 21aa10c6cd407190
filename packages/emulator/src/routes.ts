import { listNodes, listKeys, patchCompute, restartCompute, startCompute, stopCompute } from "./handlers/computes-actions.js";
import { listQuotas, listUsages, listVmSizes } from "./handlers/locations.js";
import { getResource } from "./handlers/resources.js";
import { deleteCompute } from "./handlers/computes-delete.js";
import { putCompute } from "./handlers/computes-put.js";
import { getCompute, listComputes } from "./handlers/computes-read.js";
import { issueToken, openIdConfiguration } from "./handlers/entra.js";
import { getOperationResult, getOperationStatus } from "./handlers/operations.js";
import { getWorkspace, listWorkspaces } from "./handlers/workspaces.js";
import { Router } from "./http/router.js";

const WS = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.MachineLearningServices/workspaces/{workspaceName}";
const LOC = "/subscriptions/{subscriptionId}/providers/Microsoft.MachineLearningServices/locations/{location}";
const COMPUTE = `${WS}/computes/{computeName}`;
const ML = ["2021-07-01"] as const;
const RESOURCE = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/{provider}/{type}/{name}";
const CHILD_RESOURCE = `${RESOURCE}/{childType}/{childName}`;

/** Every ARM and sign-in route the emulator answers. */
export function armRouter(): Router {
  return new Router()
    .add({ method: "GET", template: "/{tenant}/v2.0/.well-known/openid-configuration", operation: "entra.openidConfiguration", kind: "token", handler: openIdConfiguration })
    .add({ method: "POST", template: "/{tenant}/oauth2/v2.0/token", operation: "entra.token", kind: "token", handler: issueToken })
    .add({ method: "GET", template: "/subscriptions/{subscriptionId}/providers/Microsoft.MachineLearningServices/workspaces", operation: "workspaces.listBySubscription", kind: "arm", apiVersions: ML, handler: listWorkspaces })
    .add({ method: "GET", template: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.MachineLearningServices/workspaces", operation: "workspaces.listByResourceGroup", kind: "arm", apiVersions: ML, handler: listWorkspaces })
    .add({ method: "GET", template: WS, operation: "workspaces.get", kind: "arm", apiVersions: ML, handler: getWorkspace })
    .add({ method: "GET", template: `${WS}/computes`, operation: "computes.list", kind: "arm", apiVersions: ML, handler: listComputes })
    .add({ method: "GET", template: COMPUTE, operation: "computes.get", kind: "arm", apiVersions: ML, handler: getCompute })
    .add({ method: "PUT", template: COMPUTE, operation: "computes.createOrUpdate", kind: "arm", apiVersions: ML, handler: putCompute })
    .add({ method: "PATCH", template: COMPUTE, operation: "computes.update", kind: "arm", apiVersions: ML, handler: patchCompute })
    .add({ method: "POST", template: `${COMPUTE}/start`, operation: "computes.start", kind: "arm", apiVersions: ML, handler: startCompute })
    .add({ method: "POST", template: `${COMPUTE}/stop`, operation: "computes.stop", kind: "arm", apiVersions: ML, handler: stopCompute })
    .add({ method: "POST", template: `${COMPUTE}/restart`, operation: "computes.restart", kind: "arm", apiVersions: ML, handler: restartCompute })
    .add({ method: "POST", template: `${COMPUTE}/listNodes`, operation: "computes.listNodes", kind: "arm", apiVersions: ML, handler: listNodes })
    .add({ method: "POST", template: `${COMPUTE}/listKeys`, operation: "computes.listKeys", kind: "arm", apiVersions: ML, handler: listKeys })
    .add({ method: "GET", template: `${LOC}/usages`, operation: "usages.list", kind: "arm", apiVersions: ML, handler: listUsages })
    .add({ method: "GET", template: `${LOC}/quotas`, operation: "quotas.list", kind: "arm", apiVersions: ML, handler: listQuotas })
    .add({ method: "GET", template: `${LOC}/vmSizes`, operation: "vmSizes.list", kind: "arm", apiVersions: ML, handler: listVmSizes })
    .add({ method: "DELETE", template: COMPUTE, operation: "computes.delete", kind: "arm", apiVersions: ML, handler: deleteCompute })
    .add({ method: "GET", template: `${LOC}/computeOperationsStatus/{operationId}`, operation: "operations.status", kind: "arm", apiVersions: ML, handler: getOperationStatus })
    .add({ method: "GET", template: `${LOC}/computeOperationsResults/{operationId}`, operation: "operations.result", kind: "arm", apiVersions: ML, handler: getOperationResult })
    .add({ method: "GET", template: RESOURCE, operation: "resources.get", kind: "arm", handler: getResource })
    .add({ method: "GET", template: CHILD_RESOURCE, operation: "resources.get", kind: "arm", handler: getResource });
}
