import { blocked, type SshCredentials } from "@computeflow/attach-kit";
import type { PlanEntry, StepContext } from "@computeflow/core";
import { isSshPreflightError, sshPreflight, type PreflightResult } from "@computeflow/ssh-preflight";

/** Runs the SSH pre-flight; a failure becomes a blocked plan entry with the check's code and hint. */
export async function preflightOrBlocked(
  ctx: StepContext<unknown>,
  host: string,
  port: number,
  credentials: SshCredentials,
  requireDocker: boolean,
): Promise<PreflightResult | PlanEntry> {
  const endpoint = await ctx.azure.sshEndpoint(host, port);
  try {
    return await sshPreflight({ ...endpoint, display: `${host}:${port}`, ...credentials }, { requireDocker });
  } catch (error) {
    if (isSshPreflightError(error)) return blocked(error.code, error.message, error.hint);
    throw error;
  }
}

export function isPlanEntry(value: PreflightResult | PlanEntry): value is PlanEntry {
  return "change" in value;
}
