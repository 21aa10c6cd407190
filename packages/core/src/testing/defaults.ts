import { applyDefaults as apply } from "../workflow/apply-defaults.js";

/** `value` with the schema's defaults filled in, exactly as core does before `check` and the hooks: for tests of pure parts. */
export function applyDefaults<T = Record<string, unknown>>(schema: object, value: Record<string, unknown>): T {
  return apply(schema as Record<string, unknown>, value) as T;
}
