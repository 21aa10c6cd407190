import { armRequest, type ArmReply } from "@computeflow/attach-kit";
import type { StepContext } from "@computeflow/core";

// Every Azure read of this plugin: the Databricks workspace. The attach PUT is body.ts's request.

const DATABRICKS_API = "2018-04-01";

export function getDatabricksWorkspace(ctx: StepContext<unknown>, resourceId: string): Promise<ArmReply> {
  return armRequest(ctx, "GET", resourceId, DATABRICKS_API);
}
