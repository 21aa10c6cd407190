import type { ComputeBody } from "@computeflow/attach-kit";

/** The swagger's HDInsight compute: what `HDInsightCompute.attach_configuration` sent. */
export function hdiAttachBody(location: string | undefined, resourceId: string, address: string, sshPort: number, administratorAccount: Record<string, string>): ComputeBody {
  return {
    ...(location ? { location } : {}),
    properties: { computeType: "HDInsight", resourceId, properties: { address, sshPort, administratorAccount } },
  };
}
