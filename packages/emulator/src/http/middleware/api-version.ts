import { armError } from "../../arm/arm-error.js";
import type { Middleware } from "../exchange.js";

/** ARM's answers for a missing api-version, or one the matched route does not serve. */
export const apiVersion: Middleware = (x) => {
  if (x.bypassArm || typeof x.match !== "object") return undefined;
  const version = x.url.searchParams.get("api-version");
  if (!version) return armError(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");
  const { route } = x.match;
  if (!route.apiVersions || route.apiVersions.includes(version)) return undefined;
  return armError(400, "NoRegisteredProviderFound",
    `No registered resource provider found for API version '${version}' and operation '${route.operation}'. The supported api-versions are '${route.apiVersions.join(", ")}'.`);
};
