import { ComputeflowError, type Operation, type Outputs, type PollReader, type OperationStatus } from "@computeflow/core";

/** A compute as core's poller reads it. */
type ComputeResource = NonNullable<Awaited<ReturnType<PollReader["compute"]>>>;

export function outputsOf(name: string, compute: ComputeResource): Outputs {
  const inner = (compute.properties as { properties?: { namespace?: string } } | undefined)?.properties;
  return { name, id: compute.id ?? "", resource_id: compute.properties?.resourceId ?? "", namespace: inner?.namespace ?? "default" };
}

async function readiness(reader: PollReader, name: string): Promise<OperationStatus> {
  const listed = await reader.compute(name);
  if (listed === undefined) return { done: false, progress: { message: "waiting for the compute to appear" } };
  const state = listed.properties?.provisioningState;
  if (state === "Failed") {
    const first = listed.properties?.provisioningErrors?.[0]?.error;
    return {
      done: true,
      error: new ComputeflowError({
        code: "E_PROVISIONING_FAILED",
        errorClass: "validation",
        message: `Kubernetes compute ${name} failed: ${first ? `${first.code}: ${first.message}` : "no reason given"}`,
        hint: "check that the Azure ML extension is installed on the cluster, detach the failed compute (computeflow destroy), then run again",
      }),
    };
  }
  if (state !== "Succeeded") return { done: false, progress: { provisioningState: state ?? "Unknown" } };
  return { done: true, outputs: outputsOf(name, (await reader.computeDetail(name)) ?? listed), progress: { provisioningState: state } };
}

export function untilReady(name: string, description: string): Operation {
  return { description, compute: name, check: (reader) => readiness(reader, name) };
}

export function untilGone(name: string, description: string): Operation {
  return {
    description,
    compute: name,
    async check(reader) {
      const listed = await reader.compute(name);
      return listed === undefined ? { done: true, outputs: { name } } : { done: false, progress: { provisioningState: listed.properties?.provisioningState ?? "Deleting" } };
    },
  };
}

/** Detach, then attach once the old compute is gone (the cluster is kept throughout). */
export function detachThenAttach(name: string, attach: () => Promise<void>): Operation {
  let attached = false;
  return {
    description: `re-attaching Kubernetes compute ${name}`,
    compute: name,
    async check(reader) {
      if (attached) return readiness(reader, name);
      if ((await reader.compute(name)) !== undefined) return { done: false, progress: { message: "detaching the old attachment" } };
      await attach();
      attached = true;
      return { done: false, progress: { provisioningState: "Creating" } };
    },
  };
}
