import type { ArmSend, ArmSendReply } from "../plugin.js";
import { classifyAzureError } from "./classify-error.js";

/** Sends one raw ARM request through the run's pipeline (AzureAccess.send). */
export type ArmSender = (request: ArmSend) => Promise<ArmSendReply>;

/** The api-version of the shared Azure ML client (@azure/arm-machinelearningservices 5.0.1). */
export const ML_API_VERSION = "2021-07-01";

// Reads the run makes many times, or of long lists, go out as ARM's JSON rather than through
// the SDK's operations: its deserialiser walks every item through the model's mappers. The
// objects are the same where the mappers rename no field and flatten nothing (computes, VM
// sizes, usages, quotas), but for date-time fields, which stay ISO strings instead of Date.

/** An ARM error reply in the shape of the SDK's RestError, as classifyAzureError and describeAzureError take it. */
export function restErrorOf(reply: ArmSendReply): { statusCode: number; body: string | undefined; message: string } {
  return { statusCode: reply.status, body: reply.bodyAsText, message: `HTTP ${reply.status}` };
}

/** The reply's JSON; an ARM error reply becomes the error the SDK would have raised for it, classified. */
export function replyJson(reply: ArmSendReply): unknown {
  if (reply.status >= 400) throw classifyAzureError(restErrorOf(reply));
  return reply.bodyAsText ? JSON.parse(reply.bodyAsText) : {};
}

/** Every item of an ARM list (`value`), following nextLink pages. */
export async function listAll<T>(send: ArmSender, path: string): Promise<T[]> {
  const all: T[] = [];
  let request: ArmSend | undefined = { method: "GET", path, apiVersion: ML_API_VERSION };
  while (request) {
    const page = replyJson(await send(request)) as { value?: T[]; nextLink?: string | null };
    if (page.value) for (let i = 0; i < page.value.length; i++) all.push(page.value[i]!);
    request = page.nextLink ? nextPage(page.nextLink) : undefined;
  }
  return all;
}

/** ARM's nextLink is a whole URL: its path and query become the next request. */
function nextPage(link: string): ArmSend {
  const url = new URL(link);
  const query = Object.fromEntries([...url.searchParams].filter(([key]) => key !== "api-version"));
  return { method: "GET", path: url.pathname, apiVersion: url.searchParams.get("api-version") ?? ML_API_VERSION, query };
}
