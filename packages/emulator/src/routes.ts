import { Router, type Route } from "./http/router.js";
import type { DeploymentHost } from "./deployments/run-deployment.js";
import { COMPUTE_ROUTES } from "./routes/compute-routes.js";
import { deploymentRoutes } from "./routes/deployment-routes.js";
import { ENTRA_ROUTES } from "./routes/entra-routes.js";
import { INSTANCE_SETTINGS_ROUTES } from "./routes/instance-settings-routes.js";
import { LOCATION_ROUTES } from "./routes/location-routes.js";
import { RESOURCE_ROUTES } from "./routes/resource-routes.js";
import { WORKSPACE_ROUTES } from "./routes/workspace-routes.js";

/**
 * Route groups, first match wins. Each group is its own file under routes/: add a new
 * group (its own file, one line here) rather than editing another. RESOURCE_ROUTES is
 * the catch-all for attachable resources and stays last.
 */
const GROUPS: readonly (readonly Route[])[] = [ENTRA_ROUTES, WORKSPACE_ROUTES, COMPUTE_ROUTES, INSTANCE_SETTINGS_ROUTES, LOCATION_ROUTES, RESOURCE_ROUTES];

/**
 * Every ARM and sign-in route the emulator answers. Deployments need the emulator around
 * them (faults, request log), so their group is built from `host`, ahead of the catch-all.
 */
export function armRouter(host?: DeploymentHost): Router {
  const router = new Router();
  const groups = host ? [...GROUPS.slice(0, -1), deploymentRoutes(host), ...GROUPS.slice(-1)] : GROUPS;
  for (const group of groups) for (const route of group) router.add(route);
  return router;
}
