import { deleteCompute } from "./handlers/computes-delete.js";
import { putCompute } from "./handlers/computes-put.js";
import { getCompute, listComputes } from "./handlers/computes-read.js";
import { issueToken, openIdConfiguration } from "./handlers/entra.js";
import { getOperationResult, getOperationStatus } from "./handlers/operations.js";
import { getWorkspace } from "./handlers/workspaces.js";
import { Router } from "./http/router.js";

const WS = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.MachineLearningServices/workspaces/{workspaceName}";
const LOC = "/subscriptions/{subscriptionId}/providers/Microsoft.MachineLearningServices/locations/{location}";
const COMPUTE = `${WS}/computes/{computeName}`;

/** Every ARM and sign-in route the emulator answers. */
export function armRouter(): Router {
  return new Router()
    .add({ method: "GET", template: "/{tenant}/v2.0/.well-known/openid-configuration", operation: "entra.openidConfiguration", kind: "token", handler: openIdConfiguration })
    .add({ method: "POST", template: "/{tenant}/oauth2/v2.0/token", operation: "entra.token", kind: "token", handler: issueToken })
    .add({ method: "GET", template: WS, operation: "workspaces.get", kind: "arm", handler: getWorkspace })
    .add({ method: "GET", template: `${WS}/computes`, operation: "computes.list", kind: "arm", handler: listComputes })
    .add({ method: "GET", template: COMPUTE, operation: "computes.get", kind: "arm", handler: getCompute })
    .add({ method: "PUT", template: COMPUTE, operation: "computes.createOrUpdate", kind: "arm", handler: putCompute })
    .add({ method: "DELETE", template: COMPUTE, operation: "computes.delete", kind: "arm", handler: deleteCompute })
    .add({ method: "GET", template: `${LOC}/computeOperationsStatus/{operationId}`, operation: "operations.status", kind: "arm", handler: getOperationStatus })
    .add({ method: "GET", template: `${LOC}/computeOperationsResults/{operationId}`, operation: "operations.result", kind: "arm", handler: getOperationResult });
}
