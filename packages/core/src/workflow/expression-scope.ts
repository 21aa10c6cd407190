import { ComputeflowError, ErrorCodes } from "../errors.js";
import type { Outputs } from "../plugin.js";
import { didYouMean } from "./did-you-mean.js";
import type { RefNode } from "./expressions/ast.js";
import { ExpressionError } from "./expressions/ast.js";
import type { Lookup } from "./expressions/evaluate.js";

/** Where an expression sits decides which contexts it may read. */
export type Place = "workspace" | "name" | "with" | "if";

const CONTEXTS: Record<Place, readonly string[]> = {
  workspace: ["env", "inputs", "secrets"],
  name: ["env", "inputs"],
  with: ["env", "inputs", "secrets", "steps"],
  if: ["env", "inputs", "secrets", "steps"],
};

/** What expressions can see while a workflow loads. */
export interface ScopeSources {
  env: Record<string, string | undefined>;
  inputs: Record<string, unknown>;
  secret(name: string): string | undefined;
  requireSecrets: boolean;
  /** Inputs whose value is unknown because they are already reported (missing or not convertible). */
  invalidInputs: ReadonlySet<string>;
  /** Step id -> the outputs its action declares (undefined when its plugin did not load). */
  steps: ReadonlyMap<string, ReadonlySet<string> | undefined>;
}

export interface RefCheck {
  /** static: known now; secret / step: known only when the step runs. */
  kind: "static" | "secret" | "step";
  dependency?: string;
  /** The value cannot be known while loading (and must not be checked as if it were). */
  unknown?: boolean;
  problem?: { code: string; message: string; hint?: string; severity?: "warning" };
}

const fail = (message: string, hint?: string, code: string = ErrorCodes.EXPRESSION): RefCheck => ({ kind: "static", problem: hint ? { code, message, hint } : { code, message } });

const KNOWN_CONTEXTS: readonly string[] = ["env", "inputs", "secrets", "steps"];

// Runs for every reference of every step: no destructuring (V8's interpreter walks an iterator
// for it) and no text built before a message needs it.
export function checkRef(ref: RefNode, place: Place, selfId: string | undefined, sources: ScopeSources): RefCheck {
  const context = ref.path[0] ?? "";
  const rest = ref.path.slice(1);
  const allowed = CONTEXTS[place];
  if (!KNOWN_CONTEXTS.includes(context)) {
    const text = ref.path.join(".");
    return fail(`unknown context \`${context}\` in \`${text}\`${didYouMean(context, allowed)}`, `expressions here can read: ${allowed.map((c) => `${c}.*`).join(", ")}`);
  }
  const text = (): string => ref.path.join(".");
  if (!allowed.includes(context)) return fail(`\`${context}.*\` cannot be used in ${place === "name" ? "a step's `name`" : `\`${place}\``}`, `allowed here: ${allowed.map((c) => `${c}.*`).join(", ")}`);
  if (context !== "steps") {
    if (rest.length !== 1) return fail(`write \`${context}.NAME\`, not \`${text()}\``);
    const name = rest[0] ?? "";
    if (context === "env") return typeof own(sources.env, name) === "string" ? { kind: "static" } : unsetEnv(name, sources.requireSecrets);
    if (context === "inputs" && sources.invalidInputs.has(name)) return { kind: "static", unknown: true };
    if (context === "inputs") return Object.hasOwn(sources.inputs, name) ? { kind: "static" } : fail(`unknown input \`${name}\`${didYouMean(name, Object.keys(sources.inputs))}`, "declare it under `inputs:`");
    if (sources.secret(name) === undefined && sources.requireSecrets) {
      return { kind: "secret", problem: { code: ErrorCodes.MISSING_SECRET, message: `secret ${name} is not set`, hint: `set the environment variable ${name}, or put it in the file given with --secrets-file` } };
    }
    return { kind: "secret" };
  }
  const stepId = rest[0] ?? "";
  const field = rest[1];
  const key = rest[2];
  if (!sources.steps.has(stepId)) return fail(`unknown step \`${stepId}\` in \`${text()}\`${didYouMean(stepId, sources.steps.keys())}`);
  if (stepId === selfId) return fail(`a step cannot read its own outputs (\`${text()}\`)`);
  if (field === "status" && rest.length === 2 && place === "if") return { kind: "step", dependency: stepId };
  if (field !== "outputs" || rest.length !== 3 || key === undefined) return fail(`write \`steps.${stepId}.outputs.NAME\`${place === "if" ? ` or \`steps.${stepId}.status\`` : ""}, not \`${text()}\``);
  const declared = sources.steps.get(stepId);
  if (declared && !declared.has(key)) {
    return { ...fail(`step \`${stepId}\` has no output \`${key}\`${didYouMean(key, declared)}`, declared.size > 0 ? `its outputs: ${[...declared].join(", ")}` : "its action publishes no outputs"), kind: "step", dependency: stepId };
  }
  return { kind: "step", dependency: stepId };
}

/** Only commands that talk to Azure need every environment variable; validate and graph warn. */
function unsetEnv(name: string, required: boolean): RefCheck {
  const message = `environment variable ${name} is not set`;
  if (required) return fail(message, `set it before running: export ${name}=...`, ErrorCodes.INPUT);
  return { kind: "static", unknown: true, problem: { code: ErrorCodes.ENV_UNSET, message, hint: `plan, run and destroy need it: export ${name}=... before running them`, severity: "warning" } };
}

/** Own properties only: `env.constructor` is not an environment variable. */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Marks a value that is known only when the step runs. */
export const UNRESOLVED = Symbol("unresolved");

/** Looks up what is known while loading; secrets and step outputs come back UNRESOLVED. */
export function staticLookup(sources: ScopeSources): Lookup {
  return (ref) => {
    const context = ref.path[0];
    const name = ref.path[1] ?? "";
    if (context === "env") return own(sources.env, name);
    if (context === "inputs") return own(sources.inputs, name) ?? null;
    return UNRESOLVED;
  };
}

export interface RuntimeState {
  outputs: Readonly<Record<string, Outputs>>;
  statuses?: Readonly<Record<string, string>>;
  /** Secret values read, for redaction. */
  secretsUsed: string[];
  /** A secret that is not set reads as null instead of failing (destroy, which needs none); its name is added here. */
  missingSecrets?: string[];
}

/** Looks up everything, once dependencies have run. `lenient`: a missing output is null instead of an error. */
export function runtimeLookup(sources: ScopeSources, state: RuntimeState, lenient: boolean): Lookup {
  return (ref) => {
    const [context, a = "", b, c = ""] = ref.path;
    if (context === "env") return own(sources.env, a);
    if (context === "inputs") return own(sources.inputs, a) ?? null;
    if (context === "secrets") {
      const value = sources.secret(a);
      if (value === undefined && state.missingSecrets) {
        state.missingSecrets.push(a);
        return null;
      }
      if (value === undefined) throw new ComputeflowError({ code: ErrorCodes.MISSING_SECRET, errorClass: "validation", message: `secret ${a} is not set`, hint: `set the environment variable ${a}, or put it in the file given with --secrets-file` });
      state.secretsUsed.push(value);
      return value;
    }
    if (context === "steps" && b === "status") return state.statuses?.[a] ?? "pending";
    const outputs = own(state.outputs, a);
    const value = outputs === undefined ? undefined : own(outputs, c);
    if (value !== undefined) return value;
    if (lenient) return null;
    throw new ExpressionError(`step \`${a}\` did not publish output \`${c}\``, ref.start);
  };
}
