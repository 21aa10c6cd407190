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
  // An indexed loop, and no regular expression for a key without `~` or `/`: this runs for every field of every run configuration step.
  let found: RunConfigProblem[] = [];
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const segment = key.includes("~") || key.includes("/") ? key.replace(/~/g, "~0").replace(/\//g, "~1") : key;
    const below = secretReferences((value as Record<string, unknown>)[key], `${pointer}/${segment}`);
    if (below.length > 0) found = found.concat(below);
  }
  return found;
}
