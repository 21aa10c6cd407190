import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, resolve } from "node:path";
import type { Problem } from "../errors.js";
import { ErrorCodes } from "../errors.js";
import { unresolved } from "../plugin.js";
import type { AnyAction, CheckContext } from "../plugin.js";
import type { LoadedPlugin } from "../plugins/loaded-plugin.js";
import { applyDefaults } from "./apply-defaults.js";
import { copyData } from "./copy-data.js";
import type { AnalyzedValue } from "./analyze-templates.js";
import { templateReferences } from "./expressions/references.js";
import { escapeSegment, joinPointer, splitPointer } from "./json-pointer.js";
import type { PositionMap } from "./position-map.js";
import { error, warning } from "./problems.js";

export interface WithCheckInput {
  spec: AnyAction;
  raw: Record<string, unknown>;
  analyzed: AnalyzedValue;
  /** Pointer of `with` in the file. */
  base: string;
  positions: PositionMap;
}

/** Secret fields must be `${{ secrets.X }}` (or a step's output): a literal would sit in a checked-in file. */
export function checkSecretFields({ spec, raw, analyzed, base, positions }: WithCheckInput): Problem[] {
  const problems: Problem[] = [];
  const fields = spec.secretFields ?? [];
  // Indexed loops here and below: a for-of walks an iterator in V8's interpreter, once per step.
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
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
  const fields = spec.pathFields ?? [];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
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

/**
 * `with` as `check` and `attachedResource` see it: the schema's defaults applied, and every
 * value known only at run time replaced by an Unresolved marker (never a default, never text).
 */
export function checkInput(spec: AnyAction, analyzed: AnalyzedValue): Record<string, unknown> {
  const input = applyDefaults(spec.schema, copyData(analyzed.view) as Record<string, unknown>);
  for (let i = 0; i < analyzed.dynamic.length; i++) {
    const pointer = analyzed.dynamic[i]!;
    setAt(input, pointer, unresolved(String(getAt(analyzed.view, pointer))));
  }
  return input;
}

/** The action's own cross-field checks, mapped to positions. A throwing check is the plugin's bug: E_PLUGIN naming it. */
export function runActionCheck({ base, positions }: WithCheckInput, plugin: LoadedPlugin, action: string, input: Record<string, unknown>, ctx: CheckContext): Problem[] {
  let found;
  try {
    found = plugin.check(action, input, ctx);
  } catch (e) {
    return [pluginProblem(e, positions.key(base))];
  }
  return found.map((p) => {
    const location = positions.value(base + p.path);
    const make = p.severity === "warning" ? warning : error;
    return make(p.code ?? ErrorCodes.SCHEMA, p.message, location, p.hint);
  });
}

/** The attached resource's id, or the plugin's failure as a problem: the guard is never silently off. */
export function runAttachedResource({ base, positions }: WithCheckInput, plugin: LoadedPlugin, action: string, input: Record<string, unknown>, ctx: CheckContext): { resource?: string; problems: Problem[] } {
  try {
    const resource = plugin.attachedResource(action, input, ctx);
    return resource ? { resource, problems: [] } : { problems: [] };
  } catch (e) {
    return { problems: [pluginProblem(e, positions.key(base))] };
  }
}

function pluginProblem(e: unknown, at: ReturnType<PositionMap["key"]>): Problem {
  const code = typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string" ? (e as { code: string }).code : ErrorCodes.PLUGIN;
  return error(code, e instanceof Error ? e.message : String(e), at);
}

function getAt(value: unknown, pointer: string): unknown {
  return splitPointer(pointer).reduce<unknown>((v, key) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined), value);
}

function setAt(target: Record<string, unknown>, pointer: string, value: unknown): void {
  const keys = splitPointer(pointer);
  if (keys.length === 0) return;
  const parent = getAt(target, `/${keys.slice(0, -1).map(escapeSegment).join("/")}`.replace(/^\/$/, ""));
  if (parent !== null && typeof parent === "object") (parent as Record<string, unknown>)[keys.at(-1)!] = value;
}
