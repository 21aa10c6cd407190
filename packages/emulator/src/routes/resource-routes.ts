import { getResource } from "../handlers/resources.js";
import type { Route } from "../http/router.js";
import { RG } from "./templates.js";

const RESOURCE = `${RG}/providers/{provider}/{type}/{name}`;

/** Catch-all GET of the world's attachable resources (any api-version). Must stay last. */
export const RESOURCE_ROUTES: readonly Route[] = [
  { method: "GET", template: RESOURCE, operation: "resources.get", kind: "arm", handler: getResource },
  { method: "GET", template: `${RESOURCE}/{childType}/{childName}`, operation: "resources.get", kind: "arm", handler: getResource },
];
