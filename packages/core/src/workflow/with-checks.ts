import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, resolve } from "node:path";
import type { Problem } from "../errors.js";
import { ErrorCodes } from "../errors.js";
import type { ActionSpec, CheckContext } from "../plugin.js";
import type { AnalyzedValue } from "./analyze-templates.js";
import { templateReferences } from "./expressions/references.js";
import { joinPointer } from "./json-pointer.js";
import type { PositionMap } from "./position-map.js";
import { error, warning } from "./problems.js";

export interface WithCheckInput {
  spec: ActionSpec;
  raw: Record<string, unknown>;
  analyzed: AnalyzedValue;
  /** Pointer of `with` in the file. */
  base: string;
  positions: PositionMap;
}

/** Secret fields must be `${{ secrets.X }}` (or a step's output): a literal would sit in a checked-in file. */
export function checkSecretFields({ spec, raw, analyzed, base, positions }: WithCheckInput): Problem[] {
  const problems: Problem[] = [];
  for (const field of spec.secretFields ?? []) {
    if (!Object.hasOwn(raw, field)) continue;
    const pointer = joinPointer("", field);
    const template = analyzed.templates.get(pointer);
    const fromSecret = template?.whole === true && templateReferences(template).some((r) => r.path[0] === "secrets" || r.path[0] === "steps");
    if (fromSecret) continue;
    const upper = field.toUpperCase();
    problems.push(
      error(
        ErrorCodes.LITERAL_SECRET,
        `\`${field}\` is a secret: it must come from \${{ secrets.NAME }}, not a value written in the workflow file`,
        positions.value(base + pointer),
        `write \`${field}: \${{ secrets.${upper} }}\` and set ${upper} in the environment or in the --secrets-file`,
      ),
    );
  }
  return problems;
}

/** Path fields must name files that exist (relative to the workflow; `~` is the home directory). */
export function checkPathFields({ spec, analyzed, base, positions }: WithCheckInput, workflowDir: string): Problem[] {
  const problems: Problem[] = [];
  const view = analyzed.view as Record<string, unknown>;
  for (const field of spec.pathFields ?? []) {
    const pointer = joinPointer("", field);
    const value = view[field];
    if (typeof value !== "string" || value === "" || analyzed.dynamic.includes(pointer)) continue;
    const path = expandPath(value, workflowDir);
    if (!existsSync(path)) {
      const shown = path === value ? value : `${value} (${path})`;
      problems.push(error(ErrorCodes.PATH_NOT_FOUND, `\`${field}\`: no such file ${shown}`, positions.value(base + pointer), "paths are relative to the workflow file; `~` is your home directory"));
    }
  }
  return problems;
}

export function expandPath(value: string, workflowDir: string): string {
  const expanded = value === "~" || value.startsWith("~/") ? homedir() + value.slice(1) : value;
  return isAbsolute(expanded) ? expanded : resolve(workflowDir, expanded);
}

/** The action's own cross-field checks, mapped to positions. A throwing check is the plugin's bug, reported as such. */
export function runActionCheck({ spec, analyzed, base, positions }: WithCheckInput, ctx: CheckContext, pluginName: string): Problem[] {
  if (!spec.check) return [];
  let found;
  try {
    found = spec.check(analyzed.view as Record<string, unknown>, ctx);
  } catch (e) {
    return [error(ErrorCodes.PLUGIN, `plugin "${pluginName}" failed while checking step ${ctx.stepId}: ${e instanceof Error ? e.message : String(e)}`, positions.key(base))];
  }
  return (found ?? []).map((p) => {
    const location = positions.value(base + p.path);
    const make = p.severity === "warning" ? warning : error;
    return make(p.code ?? ErrorCodes.SCHEMA, p.message, location, p.hint);
  });
}
