import { faultReply } from "../fault-reply.js";
import type { Middleware } from "../exchange.js";

/** The fault injector: a response fault answers here; "fail"/"hang" ride along to the handler. */
export const faults: Middleware = async (x) => {
  if (x.bypassArm) return undefined;
  const { rt, method, entry } = x;
  const operation = typeof x.match === "object" ? x.match.route.operation : undefined;
  const fault = rt.faults.pick(method, entry.path, operation === "computes.createOrUpdate", operation);
  if (!fault) return undefined;
  x.fault = fault;
  entry.fault = fault;
  if (fault === "reset") return "reset";
  if (fault === "slow") await new Promise((r) => setTimeout(r, rt.faults.current()?.slowMs ?? 1000));
  return faultReply(fault, rt.state.ms(rt.faults.current()?.retryAfter ?? 1));
};
