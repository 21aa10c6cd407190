import { armError } from "../../arm/arm-error.js";
import type { Middleware } from "../exchange.js";
import { runHandler } from "../run-handler.js";

/** 404 / 405 for paths and methods no route serves; otherwise the route's handler answers. */
export const route: Middleware = (x) => {
  const { match, url, method } = x;
  if (!match) return armError(404, "InvalidResourceType", `The resource type could not be found for '${url.pathname}'.`);
  if (match === "method-not-allowed") return armError(405, "MethodNotAllowed", `The method '${method}' is not allowed for '${url.pathname}'.`);
  const ctx = { method, url, params: match.params, body: x.parsed.value, headers: x.req.headers };
  const opFault = x.fault === "fail" || x.fault === "hang" ? x.fault : undefined;
  return runHandler(x.rt, match.route.handler, opFault ? { ...ctx, operationFault: opFault } : ctx);
};
