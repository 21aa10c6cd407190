import { ComputeflowError, type Operation, type Outputs, type PollReader } from "@computeflow/core";
import { removeThenPut, untilGone, untilReady as readyOperation } from "@computeflow/compute-kit";

/** A compute as core's poller reads it. */
type ComputeResource = NonNullable<Awaited<ReturnType<PollReader["compute"]>>>;

export function outputsOf(name: string, compute: ComputeResource): Outputs {
  const inner = (compute.properties as { properties?: { namespace?: string } } | undefined)?.properties;
  return { name, id: compute.id ?? "", resource_id: compute.properties?.resourceId ?? "", namespace: inner?.namespace ?? "default" };
}

/** compute-kit's readiness: Succeeded publishes the outputs; Failed or Canceled fail the step at once. */
export function untilReady(name: string, description: string): Operation {
  return readyOperation({
    kind: "Kubernetes compute",
    name,
    description,
    detailOutputs: true,
    outputs: (compute) => outputsOf(name, compute),
    failure: (arm) =>
      new ComputeflowError({
        code: "E_PROVISIONING_FAILED",
        errorClass: "validation",
        message: `Kubernetes compute ${name} failed: ${arm[0] ? `${arm[0].code}: ${arm[0].message}` : "no reason given"}`,
        hint: "check that the Azure ML extension is installed on the cluster, detach the failed compute (computeflow destroy), then run again",
        arm,
      }),
  });
}

export { untilGone };

/** Detach, then attach once the old compute is gone (the cluster is kept throughout). */
export function detachThenAttach(name: string, attach: () => Promise<void>): Operation {
  const description = `re-attaching Kubernetes compute ${name}`;
  return removeThenPut(name, description, attach, untilReady(name, description));
}
