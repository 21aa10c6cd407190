import { armRequest, type ArmReply } from "@computeflow/attach-kit";
import type { StepContext } from "@computeflow/core";

// Every Azure read of this plugin: the HDInsight cluster.

const HDINSIGHT_API = "2021-06-01";

export function getCluster(ctx: StepContext<unknown>, resourceId: string): Promise<ArmReply> {
  return armRequest(ctx, "GET", resourceId, HDINSIGHT_API);
}

export function clusterKind(cluster: Record<string, unknown> | undefined): string {
  const props = cluster?.properties as { clusterDefinition?: { kind?: string } } | undefined;
  return props?.clusterDefinition?.kind ?? "unknown";
}
