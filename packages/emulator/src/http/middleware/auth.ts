import { armError } from "../../arm/arm-error.js";
import type { Middleware } from "../exchange.js";

const CHALLENGE =
  'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", ' +
  "error_description=\"The authentication failed because of missing 'Authorization' header.\"";

/** ARM's 401 for a request without a bearer token; any token is accepted. */
export const auth: Middleware = (x) => {
  if (x.bypassArm) return undefined;
  const h = x.req.headers.authorization;
  if (typeof h === "string" && /^Bearer\s+\S+/i.test(h)) return undefined;
  return {
    ...armError(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing or is not a bearer token."),
    headers: { "WWW-Authenticate": CHALLENGE },
  };
};
