import { ComputeflowError, ErrorCodes, isComputeflowError } from "../errors.js";
import type { ExpressionNode, Template } from "./expressions/ast.js";
import { ExpressionError } from "./expressions/ast.js";
import { render, truthy } from "./expressions/evaluate.js";
import { templateReferences } from "./expressions/references.js";
import type { Lookup } from "./expressions/evaluate.js";
import { runtimeLookup } from "./expression-scope.js";
import type { RuntimeState, ScopeSources } from "./expression-scope.js";
import { joinPointer } from "./json-pointer.js";
import type { ResolvedStep, WithReference } from "./types.js";

export type StepParts = Omit<ResolvedStep, "resolveWith" | "shouldRun" | "timeoutMinutes" | "references" | "reads"> & {
  timeoutMinutes: number | undefined;
  withRaw: Record<string, unknown>;
  /** Parsed templates of `with`, by pointer relative to it. */
  templates: ReadonlyMap<string, Template>;
  /** `if:` as a template, a constant, or absent. */
  condition: Template | boolean | undefined;
  sources: ScopeSources;
  /** Some of `with` is known only at run time, so the schema is checked again then. */
  runtimeValues: boolean;
};

export function createResolvedStep(parts: StepParts): ResolvedStep {
  const { withRaw, templates, condition, sources, id } = parts;
  const step: ResolvedStep = {
    id,
    name: parts.name,
    uses: parts.uses,
    action: parts.action,
    plugin: parts.plugin,
    spec: parts.spec,
    needs: parts.needs,
    reads: outputReads([...templates.values(), ...(typeof condition === "object" ? [condition] : [])]),
    retry: parts.retry,
    continueOnError: parts.continueOnError,
    location: parts.location,
    resolveWith(outputs, options) {
      const state: RuntimeState = { outputs, secretsUsed: [], ...(options?.missingSecrets === "null" ? { missingSecrets: [] } : {}) };
      const lookup = runtimeLookup(sources, state, false);
      const substituted = guard(id, "with", () => substitute(withRaw, "", templates, lookup)) as Record<string, unknown>;
      if (parts.runtimeValues && !state.missingSecrets?.length) checkResolved(parts, substituted);
      const value = parts.plugin.withDefaults(parts.action, substituted);
      const defaulted = Object.keys(value).filter((key) => !Object.hasOwn(substituted, key));
      return { value, secrets: [...new Set(state.secretsUsed)], defaulted };
    },
    references() {
      return collectReferences(templates, sources);
    },
    shouldRun(outputs, statuses) {
      if (condition === undefined || typeof condition === "boolean") return condition ?? true;
      const lookup = runtimeLookup(sources, { outputs, statuses, secretsUsed: [] }, true);
      return truthy(guard(id, "if", () => render(condition, lookup)));
    },
  };
  if (parts.timeoutMinutes !== undefined) step.timeoutMinutes = parts.timeoutMinutes;
  return step;
}

/** The distinct `steps.ID.outputs.KEY` references of some templates. */
function outputReads(templates: readonly Template[]): { step: string; output: string }[] {
  const seen = new Map<string, { step: string; output: string }>();
  // Indexes, no destructuring: this runs once per step.
  for (let t = 0; t < templates.length; t++) {
    const refs = templateReferences(templates[t]!);
    for (let i = 0; i < refs.length; i++) {
      const path = refs[i]!.path;
      const step = path[1];
      const output = path[3];
      if (path[0] === "steps" && path[2] === "outputs" && step !== undefined && output !== undefined) seen.set(`${step}\0${output}`, { step, output });
    }
  }
  return [...seen.values()];
}

function substitute(value: unknown, pointer: string, templates: ReadonlyMap<string, Template>, lookup: Lookup): unknown {
  if (Array.isArray(value)) return value.map((item, i) => substitute(item, joinPointer(pointer, i), templates, lookup));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, joinPointer(pointer, k), templates, lookup)]));
  }
  const template = templates.get(pointer);
  return template ? render(template, lookup) : value;
}

/** Values from step outputs and secrets meet the action's schema only now; never quote them (they may be secret). */
function checkResolved(parts: StepParts, value: Record<string, unknown>): void {
  const issues = parts.plugin.validateWith(parts.action, value);
  if (issues.length === 0) return;
  const details = issues.map((issue) => (issue.got ? issue.message.replace(issue.got, "") : issue.message));
  throw new ComputeflowError({
    code: ErrorCodes.SCHEMA,
    errorClass: "validation",
    message: `step ${parts.id}: \`with\` does not fit the ${parts.plugin.name} ${parts.action} schema once resolved: ${details.join("; ")}`,
    hint: "check the outputs and secrets this step's `with` reads",
  });
}

function guard(stepId: string, field: string, evaluate: () => unknown): unknown {
  try {
    return evaluate();
  } catch (e) {
    if (isComputeflowError(e)) throw e;
    const message = e instanceof ExpressionError ? e.message : String(e);
    throw new ComputeflowError({ code: ErrorCodes.EXPRESSION, errorClass: "validation", message: `step ${stepId}: cannot evaluate \`${field}\`: ${message}`, cause: e });
  }
}

/** Every `env`, `inputs`, `secrets` and `steps` reference in `with`, where it sits and (but for steps) its value. */
function collectReferences(templates: ReadonlyMap<string, Template>, sources: ScopeSources): WithReference[] {
  const found: WithReference[] = [];
  const visit = (node: ExpressionNode, pointer: string, whole: boolean): void => {
    if (node.kind === "not") return visit(node.operand, pointer, false);
    if (node.kind === "binary") return (visit(node.left, pointer, false), visit(node.right, pointer, false));
    if (node.kind !== "ref") return;
    const [context = "", a = "", , c = ""] = node.path;
    if (context === "steps") return void found.push({ pointer, whole, context, name: `${a}.${c}`, value: undefined });
    if (context !== "env" && context !== "inputs" && context !== "secrets") return;
    const value = context === "env" ? (Object.hasOwn(sources.env, a) ? sources.env[a] : undefined) : context === "inputs" ? sources.inputs[a] : sources.secret(a);
    found.push({ pointer, whole, context, name: a, value });
  };
  for (const [pointer, template] of templates) {
    for (const part of template.parts) if (part.kind === "expression") visit(part.node, pointer, template.whole);
  }
  return found;
}
