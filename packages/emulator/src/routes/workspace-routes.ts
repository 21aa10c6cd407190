import { getWorkspace, listWorkspaces } from "../handlers/workspaces.js";
import type { Route } from "../http/router.js";
import { ML_API_VERSIONS as ML } from "./api-versions.js";
import { RG, SUB, WS } from "./templates.js";

export const WORKSPACE_ROUTES: readonly Route[] = [
  { method: "GET", template: `${SUB}/providers/Microsoft.MachineLearningServices/workspaces`, operation: "workspaces.listBySubscription", kind: "arm", apiVersions: ML, handler: listWorkspaces },
  { method: "GET", template: `${RG}/providers/Microsoft.MachineLearningServices/workspaces`, operation: "workspaces.listByResourceGroup", kind: "arm", apiVersions: ML, handler: listWorkspaces },
  { method: "GET", template: WS, operation: "workspaces.get", kind: "arm", apiVersions: ML, handler: getWorkspace },
];
