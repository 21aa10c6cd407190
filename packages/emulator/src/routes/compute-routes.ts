import { listNodes, listKeys, patchCompute, restartCompute, startCompute, stopCompute } from "../handlers/computes-actions.js";
import { deleteCompute } from "../handlers/computes-delete.js";
import { putCompute } from "../handlers/computes-put.js";
import { getCompute, listComputes } from "../handlers/computes-read.js";
import type { Route } from "../http/router.js";
import { ML_API_VERSIONS as ML } from "./api-versions.js";
import { COMPUTE, WS } from "./templates.js";

export const COMPUTE_ROUTES: readonly Route[] = [
  { method: "GET", template: `${WS}/computes`, operation: "computes.list", kind: "arm", apiVersions: ML, handler: listComputes },
  { method: "GET", template: COMPUTE, operation: "computes.get", kind: "arm", apiVersions: ML, handler: getCompute },
  { method: "PUT", template: COMPUTE, operation: "computes.createOrUpdate", kind: "arm", apiVersions: ML, handler: putCompute },
  { method: "PATCH", template: COMPUTE, operation: "computes.update", kind: "arm", apiVersions: ML, handler: patchCompute },
  { method: "POST", template: `${COMPUTE}/start`, operation: "computes.start", kind: "arm", apiVersions: ML, handler: startCompute },
  { method: "POST", template: `${COMPUTE}/stop`, operation: "computes.stop", kind: "arm", apiVersions: ML, handler: stopCompute },
  { method: "POST", template: `${COMPUTE}/restart`, operation: "computes.restart", kind: "arm", apiVersions: ML, handler: restartCompute },
  { method: "POST", template: `${COMPUTE}/listNodes`, operation: "computes.listNodes", kind: "arm", apiVersions: ML, handler: listNodes },
  { method: "POST", template: `${COMPUTE}/listKeys`, operation: "computes.listKeys", kind: "arm", apiVersions: ML, handler: listKeys },
  { method: "DELETE", template: COMPUTE, operation: "computes.delete", kind: "arm", apiVersions: ML, handler: deleteCompute },
];
