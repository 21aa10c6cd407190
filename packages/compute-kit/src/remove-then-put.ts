import type { Operation } from "@computeflow/core";

/**
 * Remove, then PUT again: how a compute is replaced (an immutable property changed) or an
 * attachment renewed. The hook sent the delete or detach; once the poller sees the compute
 * gone, this sends the PUT (once) and hands over to `then`. An interruption in between is
 * safe: the next plan finds nothing and creates.
 */
export function removeThenPut(name: string, description: string, put: () => Promise<void>, then: Operation): Operation {
  let sent = false;
  return {
    description,
    compute: name,
    async check(reader) {
      if (sent) return then.check(reader);
      const compute = await reader.compute(name);
      if (compute) return { done: false, progress: { provisioningState: compute.properties?.provisioningState, message: "removing the old compute" } };
      await put();
      sent = true;
      return { done: false, progress: { provisioningState: "Creating", message: "sending the new settings" } };
    },
  };
}
