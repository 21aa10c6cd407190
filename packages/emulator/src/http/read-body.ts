import type { IncomingMessage } from "node:http";

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** JSON bodies parse; form bodies (token route) stay strings; empty is undefined. */
export function parseBody(text: string, contentType: string | undefined): { value: unknown; error?: string } {
  if (text.length === 0) return { value: undefined };
  if (contentType?.includes("application/x-www-form-urlencoded")) return { value: text };
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { value: undefined, error: (e as Error).message };
  }
}
