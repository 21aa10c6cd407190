import type { Handler } from "../http/context.js";
import { powerAction, type PowerAction } from "../compute/instance-power.js";
import { requireCompute } from "./lookup.js";

export function instancePowerHandler(action: PowerAction): Handler {
  return (ctx) => {
    const [, record] = requireCompute(ctx);
    return powerAction(ctx, record, action);
  };
}
