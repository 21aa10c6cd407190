import { armDetails, type ArmErrorDetail, type StepContext } from "@computeflow/core";

export interface ArmReply {
  status: number;
  body: Record<string, unknown> | undefined;
  /** ARM's error, for 4xx/5xx replies. */
  error: ArmErrorDetail | undefined;
}

/**
 * One ARM request through core's pipeline (`ctx.azure.send`: credential, gate, TLS trust):
 * for resources no bundled SDK covers (VMs, HDInsight, Databricks) and for bodies the typed
 * SDK would mangle (computeType "Batch"), and for api-versions no bundled SDK speaks.
 */
export async function armRequest(ctx: StepContext<unknown>, method: "GET" | "PUT" | "POST", path: string, apiVersion: string, body?: unknown): Promise<ArmReply> {
  const response = await ctx.azure.send({ method, path, apiVersion, ...(body === undefined ? {} : { body }) }, ctx.signal);
  const parsed = parse(response.bodyAsText);
  return { status: response.status, body: parsed, error: response.status >= 400 ? (armDetails(parsed)?.[0] ?? { code: `Http${response.status}`, message: response.bodyAsText ?? "" }) : undefined };
}

function parse(text: string | null | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
