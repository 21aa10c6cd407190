import type { Route } from "../http/router.js";
import { DEPLOYMENT_API_VERSIONS, deploymentHandlers } from "../deployments/deployment-handlers.js";
import type { DeploymentHost } from "../deployments/run-deployment.js";
import { RG } from "./templates.js";

const DEPLOYMENT = `${RG}/providers/Microsoft.Resources/deployments/{deploymentName}`;
/** Deployment operations sit under the resource group without the provider segment (Resources spec, DeploymentOperations_List). */
const OPERATIONS = `${RG}/deployments/{deploymentName}/operations`;

/** Microsoft.Resources/deployments (its GET path would also match the catch-all resource GET). */
export function deploymentRoutes(host: DeploymentHost): readonly Route[] {
  const h = deploymentHandlers(host);
  const route = { kind: "arm" as const, apiVersions: DEPLOYMENT_API_VERSIONS };
  return [
    { ...route, method: "PUT", template: DEPLOYMENT, operation: "deployments.createOrUpdate", handler: h.put },
    { ...route, method: "GET", template: DEPLOYMENT, operation: "deployments.get", handler: h.get },
    { ...route, method: "DELETE", template: DEPLOYMENT, operation: "deployments.delete", handler: h.delete },
    { ...route, method: "GET", template: OPERATIONS, operation: "deploymentOperations.list", handler: h.operations },
    { ...route, method: "GET", template: `${DEPLOYMENT}/operationStatuses/{operationId}`, operation: "deployments.operationStatus", handler: h.status },
    { ...route, method: "POST", template: `${DEPLOYMENT}/whatIf`, operation: "deployments.whatIf", handler: h.whatIf },
  ];
}
