import { armDetails, type ArmErrorDetail, type StepContext } from "@computeflow/core";

export interface ArmReply {
  status: number;
  body: Record<string, unknown> | undefined;
  /** ARM's error, for 4xx/5xx replies. */
  error: ArmErrorDetail | undefined;
}

/**
 * One ARM request through the ML client's pipeline (credential, core's gate, TLS trust):
 * for resources no bundled SDK covers (VMs, HDInsight, Databricks) and for bodies the typed
 * SDK would mangle (computeType "Batch"), and for api-versions no bundled SDK speaks.
 */
export async function armRequest(ctx: StepContext<unknown>, method: "GET" | "PUT" | "POST", path: string, apiVersion: string, body?: unknown): Promise<ArmReply> {
  // Loaded here, not at the top: plugins import the kit, and `validate` loads plugins but must
  // not load the Azure SDK (bench scenario 5 lists the modules it loads).
  const { createHttpHeaders, createPipelineRequest } = await import("@azure/core-rest-pipeline");
  const ml = await ctx.azure.ml();
  const url = `${ctx.azure.endpoint}${path}?api-version=${apiVersion}`;
  const request = createPipelineRequest({
    url,
    method,
    abortSignal: ctx.signal,
    headers: createHttpHeaders({ accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) }),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const response = await ml.sendRequest(request);
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
