import { armError } from "../../arm/arm-error.js";
import type { Middleware } from "../exchange.js";

/** A body that is not valid JSON is ARM's 400 InvalidRequestContent (on a route that exists). */
export const body: Middleware = (x) => {
  if (x.bypassArm || typeof x.match !== "object" || !x.parsed.error) return undefined;
  return armError(400, "InvalidRequestContent", `The request content was invalid and could not be deserialized: ${x.parsed.error}`);
};
