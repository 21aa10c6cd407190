import type { Operation } from "@computeflow/core";

/** Waits until the compute is gone from the workspace (a delete or a detach). */
export function untilGone(name: string, description: string): Operation {
  return {
    description,
    compute: name,
    async check(reader) {
      const compute = await reader.compute(name);
      if (compute) return { done: false, progress: { provisioningState: compute.properties?.provisioningState ?? "Deleting" } };
      return { done: true, outputs: { name } };
    },
  };
}
