import type { Operation } from "@computeflow/core";

/**
 * Replacing is delete-then-create. The hook sends the delete; once the poller sees the
 * compute gone, this operation sends the create (once) and hands over to readiness.
 * An interruption in between is safe: the next plan finds nothing and creates.
 */
export function replaceOperation(name: string, create: () => Promise<void>, then: Operation): Operation {
  let created = false;
  return {
    description: `replacing compute ${name}`,
    compute: name,
    async check(reader) {
      if (created) return then.check(reader);
      const compute = await reader.compute(name);
      if (compute) return { done: false, progress: { provisioningState: compute.properties?.provisioningState, message: "deleting the old compute" } };
      await create();
      created = true;
      return { done: false, progress: { provisioningState: "Creating" } };
    },
  };
}
