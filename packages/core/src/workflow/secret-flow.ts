import type { Problem } from "../errors.js";
import { ErrorCodes } from "../errors.js";
import type { AnyAction as ActionSpec } from "../plugin.js";
import type { AnalyzedValue } from "./analyze-templates.js";
import { pointerToPath, splitPointer } from "./json-pointer.js";
import type { PositionMap } from "./position-map.js";
import { error } from "./problems.js";

const JOB_FIELDS = new Set(["environment_variables", "arguments", "script", "docker", "command"]);

/**
 * `secrets.*` may flow only into fields the plugin declares secret (redacted, never written
 * in clear). Anywhere else the value would land in a generated file or in an Azure field any
 * reader of the workspace sees.
 */
export function checkSecretFlow(analyzed: AnalyzedValue, base: string, positions: PositionMap, spec: ActionSpec | undefined, where: string): Problem[] {
  const secretFields = new Set<string>(spec?.secretFields ?? []);
  const problems: Problem[] = [];
  for (const pointer of [...analyzed.secretReaders].sort()) {
    const segments = splitPointer(pointer);
    const field = segments[0] ?? "";
    if (spec && segments.length === 1 && secretFields.has(field)) continue;
    const shown = pointer === "" ? where : `\`${pointerToPath(pointer)}\``;
    problems.push(error(ErrorCodes.SECRET_IN_PLAIN_FIELD, `${shown} reads a secret, but it is not a secret field: the value would be written or sent in clear`, positions.value(base + pointer), hintFor(field, [...secretFields])));
  }
  return problems;
}

function hintFor(field: string, secretFields: string[]): string {
  const names = secretFields.map((f) => `\`${f}\``).join(", ");
  const declared = secretFields.length === 0 ? "" : secretFields.length === 1 ? `the only secret field here is ${names}; ` : `the secret fields here are ${names}; `;
  if (JOB_FIELDS.has(field)) {
    return `${declared}a job should read its secret at run time from a secret store (e.g. the workspace's Key Vault), not from its run configuration`;
  }
  return `${declared}tags, descriptions and other plain fields are readable by anyone who can read the workspace: keep secrets out of them`;
}
