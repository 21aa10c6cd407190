import { issueToken, openIdConfiguration } from "../handlers/entra.js";
import type { Route } from "../http/router.js";

/** Entra ID sign-in (no ARM middleware). */
export const ENTRA_ROUTES: readonly Route[] = [
  { method: "GET", template: "/{tenant}/v2.0/.well-known/openid-configuration", operation: "entra.openidConfiguration", kind: "token", handler: openIdConfiguration },
  { method: "POST", template: "/{tenant}/oauth2/v2.0/token", operation: "entra.token", kind: "token", handler: issueToken },
];
