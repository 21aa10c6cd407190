import type { ServerResponse } from "node:http";

let counter = 0;

/** Request ids count up, so runs are reproducible; the shape is a UUID as in ARM. */
export function nextRequestId(): string {
  counter++;
  const hex = counter.toString(16).padStart(12, "0");
  return `00000000-0000-4000-8000-${hex}`;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const text = body === undefined ? "" : JSON.stringify(body);
  const all: Record<string, string> = { ...headers };
  if (text.length > 0) all["Content-Type"] = "application/json; charset=utf-8";
  all["Content-Length"] = String(Buffer.byteLength(text));
  res.writeHead(status, all);
  res.end(text);
}
