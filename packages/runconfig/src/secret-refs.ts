import type { RunConfigProblem } from "./check.js";

const SECRET_EXPRESSION = /\$\{\{\s*secrets\./;

/**
 * A run configuration is a file that gets checked in: a value read from `secrets.*` must
 * never land in it. At validate time expressions are still as written, so a secret
 * reference is found (and refused) before anything runs.
 */
export function secretReferences(value: unknown, pointer = ""): RunConfigProblem[] {
  if (typeof value === "string") {
    return SECRET_EXPRESSION.test(value)
      ? [{ path: pointer, code: "E_SECRET_IN_FILE", message: "a secret cannot go into a generated job or run configuration file (it would be checked in)", hint: "pass the secret to the job at submit time (e.g. from a workspace connection or Key Vault), not through the workflow" }]
      : [];
  }
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => secretReferences(v, `${pointer}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`));
}
