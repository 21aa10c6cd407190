import { armError } from "../../arm/arm-error.js";
import { checkBody } from "../../spec/check-body.js";
import { requestKind } from "../../spec/oracle-kinds.js";
import type { Middleware } from "../exchange.js";

/**
 * With the spec oracle on (tests): a compute request body the REST spec rejects is
 * answered 400 SpecViolation, so a client sending it fails its test.
 */
export const specRequest: Middleware = (x) => {
  if (!x.rt.specOracle || typeof x.match !== "object") return undefined;
  const kind = requestKind(x.match.route.operation);
  const problems = kind ? checkBody(kind, x.parsed.value, x.url.searchParams.get("api-version")) : [];
  if (problems.length === 0) return undefined;
  x.rt.specViolations.push(...problems.map((p) => `request ${x.method} ${x.url.pathname}: ${p}`));
  return armError(400, "SpecViolation", `The request body does not follow the REST spec: ${problems.join("; ")}`);
};
