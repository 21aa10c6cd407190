import { blocked, missingResource, planSshAttach } from "@computeflow/attach-kit";
import { sshAddressOf } from "./body.js";
import type { PlanEntry, StepContext } from "@computeflow/core";
import { clusterKind, getCluster, hasPublicSsh } from "./sdk.js";
import type { AttachInput } from "./schema.js";

export async function planHdiAttach(ctx: StepContext<AttachInput>): Promise<PlanEntry> {
  const input = ctx.with;
  const cluster = await getCluster(ctx, input.resource_id);
  const missing = missingResource(cluster, `HDInsight cluster ${input.resource_id} not found`, "check resource_id: subscription, resource group and cluster name");
  if (missing) return missing;
  const kind = clusterKind(cluster.body);
  if (kind.toLowerCase() !== "spark") {
    return blocked("E_NOT_SPARK", `HDInsight cluster ${String(cluster.body?.name)} is a ${kind} cluster; Azure ML trains only on Spark clusters`, "create a Spark cluster in HDInsight and attach that one");
  }
  if (!hasPublicSsh(cluster.body)) {
    return blocked("E_NO_PUBLIC_IP", `HDInsight cluster ${String(cluster.body?.name)} has no public SSH endpoint; Azure ML needs the cluster to have a public IP address`, "create the cluster with public SSH access");
  }
  const address = sshAddressOf(input);
  const resourceId = typeof cluster.body?.id === "string" ? cluster.body.id : input.resource_id;
  const settings = { address, sshPort: input.ssh_port, "administratorAccount.username": input.username };
  const notes = [`the cluster exists and is a Spark cluster; SSH at ${address}`];
  return planSshAttach(ctx, { resourceId, computeType: "HDInsight", settings, notes, address, requireDocker: false });
}
