import { listQuotas, listUsages, listVmSizes } from "../handlers/locations.js";
import { getOperationResult, getOperationStatus } from "../handlers/operations.js";
import type { Route } from "../http/router.js";
import { ML_API_VERSIONS as ML } from "./api-versions.js";
import { LOC } from "./templates.js";

export const LOCATION_ROUTES: readonly Route[] = [
  { method: "GET", template: `${LOC}/usages`, operation: "usages.list", kind: "arm", apiVersions: ML, handler: listUsages },
  { method: "GET", template: `${LOC}/quotas`, operation: "quotas.list", kind: "arm", apiVersions: ML, handler: listQuotas },
  { method: "GET", template: `${LOC}/vmSizes`, operation: "vmSizes.list", kind: "arm", apiVersions: ML, handler: listVmSizes },
  { method: "GET", template: `${LOC}/computeOperationsStatus/{operationId}`, operation: "operations.status", kind: "arm", apiVersions: ML, handler: getOperationStatus },
  { method: "GET", template: `${LOC}/computeOperationsResults/{operationId}`, operation: "operations.result", kind: "arm", apiVersions: ML, handler: getOperationResult },
];
