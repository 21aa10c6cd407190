import { request } from "node:https";

export interface ReplayResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** One HTTPS request to the emulator, trusting its CA, with a bearer token. */
export function send(endpoint: string, ca: string, method: string, pathAndQuery: string, body?: unknown): Promise<ReplayResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { authorization: "Bearer replay" };
    if (body !== undefined) headers["content-type"] = "application/json";
    const req = request(new URL(pathAndQuery, endpoint), { method, ca, headers }, (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : null }));
    });
    req.on("error", reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}
