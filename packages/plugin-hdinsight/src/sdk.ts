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

/** The cluster's public SSH endpoint; Azure ML needs one (the document: a public IP address). */
export function hasPublicSsh(cluster: Record<string, unknown> | undefined): boolean {
  const endpoints = (cluster?.properties as { connectivityEndpoints?: { name?: string; location?: string }[] } | undefined)?.connectivityEndpoints;
  return endpoints === undefined || endpoints.some((e) => e.name?.toUpperCase() === "SSH" && !!e.location);
}
