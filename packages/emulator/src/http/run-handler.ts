import { ArmFailure, armError, type Reply } from "../arm/arm-error.js";
import type { Handler, RequestContext } from "./context.js";
import type { Runtime } from "./pipeline.js";

/** Applies every state change that is due, then runs the handler; a thrown ArmFailure is its reply. */
export async function runHandler(rt: Runtime, handler: Handler, partial: Omit<RequestContext, "state" | "endpoint">): Promise<Reply> {
  rt.state.advance();
  try {
    return await handler({ ...partial, state: rt.state, endpoint: rt.endpoint });
  } catch (e) {
    if (e instanceof ArmFailure) return e.reply;
    return armError(500, "InternalServerError", `The emulator failed to handle the request: ${(e as Error).message}`);
  }
}
