import type { Json } from "../state/compute-record.js";

const SECRET_KEYS = new Set(["password", "privateKeyData", "adminUserPassword", "databricksAccessToken"]);

/** Splits secret fields out of the inner properties: GET never echoes them, listKeys does. */
export function splitSecrets(inner: Json): { visible: Json; secrets: Json } {
  const secrets: Json = {};
  const visible = strip(inner, secrets) as Json;
  return { visible, secrets };
}

function strip(value: unknown, secrets: Json): unknown {
  if (Array.isArray(value)) return value.map((v) => strip(v, secrets));
  if (!value || typeof value !== "object") return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value as Json)) {
    if (SECRET_KEYS.has(k)) {
      secrets[k] = v;
      continue;
    }
    out[k] = strip(v, secrets);
  }
  return out;
}
