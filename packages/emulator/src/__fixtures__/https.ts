import { request } from "node:https";
import type { RunningEmulator } from "../types.js";

export interface PlainResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  json(): unknown;
}

/** A bare HTTPS request trusting the emulator's CA (no SDK: no retries, no token unless given). */
export function plain(em: RunningEmulator, method: string, path: string, body?: unknown, token?: string): Promise<PlainResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    const req = request(`${em.endpoint}${path}`, { method, ca: em.caCert, headers }, (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string>, text, json: () => JSON.parse(text) }));
    });
    req.on("error", reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}
