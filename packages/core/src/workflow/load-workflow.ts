import { dirname, resolve } from "node:path";
import type { Problem } from "../errors.js";
import { ComputeflowError, ErrorCodes, isComputeflowError } from "../errors.js";
import type { GraphStep } from "../graph/step-graph.js";
import type { WorkspaceRef } from "../plugin.js";
import { loadPlugin } from "../plugins/load-plugin.js";
import type { LoadedPlugin } from "../plugins/loaded-plugin.js";
import { analyzeStep } from "./analyze-step.js";
import type { AnalyzedStep } from "./analyze-step.js";
import { analyzeTemplates } from "./analyze-templates.js";
import { duplicateClaims } from "./compute-names.js";
import { ENVELOPE_SCHEMA } from "./envelope-schema.js";
import { runtimeLookup } from "./expression-scope.js";
import type { ScopeSources } from "./expression-scope.js";
import { render } from "./expressions/evaluate.js";
import { resolveInputs } from "./inputs.js";
import type { InputDefinition } from "./inputs.js";
import { parseYaml } from "./parse-yaml.js";
import { findProjectRoot } from "./project-root.js";
import type { PositionMap } from "./position-map.js";
import { error, hasErrors, sortProblems } from "./problems.js";
import { readSource } from "./read-source.js";
import { validateAgainst } from "./schema-validator.js";
import { checkSecretFlow } from "./secret-flow.js";
import { loadSecrets } from "./secrets.js";
import type { LoadOptions, LoadResult, ResolvedStep } from "./types.js";

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * Reads, validates and resolves a workflow file. Every problem of every phase is collected
 * (nothing is thrown for bad input); the workflow is returned only when none is an error,
 * the steps' ids, needs and positions always.
 */
export async function loadWorkflow(file: string, options: LoadOptions = {}): Promise<LoadResult> {
  const path = resolve(file);
  const dir = dirname(path);
  const source = await readSource(path, file);
  if (source.text === undefined) return { problems: source.problem ? [source.problem] : [], steps: [] };
  const parsed = parseYaml(source.text, file);
  const { positions } = parsed;
  const problems: Problem[] = [...parsed.problems];
  const doc = parsed.value;
  if (!doc) return { problems: sortProblems(problems, file), steps: [] };

  for (const issue of validateAgainst(ENVELOPE_SCHEMA, doc)) {
    problems.push(error(issue.code, issue.message, issue.atKey ? positions.key(issue.pointer) : positions.value(issue.pointer), issue.hint));
  }
  const env = options.env ?? process.env;
  const secrets = await loadSecrets(env, options.secretsFile);
  problems.push(...secrets.problems);
  const definitions = Object.entries(isRecord(doc["inputs"]) ? doc["inputs"] : {}).filter(([, d]) => isRecord(d));
  const inputs = resolveInputs(Object.fromEntries(definitions) as Record<string, InputDefinition>, options.inputs ?? {}, positions);
  problems.push(...inputs.problems);

  const rawSteps = isRecord(doc["steps"]) ? Object.entries(doc["steps"]) : [];
  const root = findProjectRoot(path);
  const plugins = options.plugins === false ? new Map<string, LoadedPlugin | ComputeflowError>() : await loadPlugins(rawSteps, path, root);
  const sources: ScopeSources = {
    env,
    inputs: inputs.values,
    secret: secrets.lookup,
    requireSecrets: options.requireSecrets ?? true,
    invalidInputs: inputs.invalid,
    steps: new Map(rawSteps.map((entry) => [entry[0], declaredOutputs(entry[1], plugins)])),
  };
  const workspace = resolveWorkspace(doc["workspace"], sources, positions, problems);
  const defaults = isRecord(doc["defaults"]) ? doc["defaults"] : {};
  // entry[0], entry[1] rather than ([id, raw]): destructuring an array walks an iterator in V8's interpreter, once per step.
  const environment = { positions, sources, dir, root, workspace, defaults, plugins };
  const analyzed: AnalyzedStep[] = rawSteps.map((entry) => analyzeStep(entry[0], entry[1], environment));
  for (const step of analyzed) problems.push(...step.problems);
  problems.push(...crossStepProblems(analyzed, positions));

  const sorted = sortProblems(problems, file);
  const steps = analyzed.map((s, i) => withLabels(s.node, rawSteps[i]![1]));
  if (hasErrors(sorted)) return { problems: sorted, steps };
  return {
    problems: sorted,
    steps,
    workflow: {
      file: path,
      dir,
      projectRoot: root,
      name: String(doc["name"]),
      workspace,
      inputs: inputs.values,
      secrets: secrets.used(),
      steps: analyzed.map((s) => s.step).filter((s): s is ResolvedStep => s !== undefined),
    },
  };
}

/** The step's node with `uses` and `action` as written, for views of the graph that load no plugin. */
function withLabels(node: GraphStep, raw: unknown): GraphStep & { uses?: string; action?: string } {
  // Property by property: an object literal with anything after a spread is slow on Node 20 (see apply-defaults.ts).
  const step: GraphStep & { uses?: string; action?: string } = { id: node.id, needs: node.needs, location: node.location };
  if (isRecord(raw) && typeof raw["uses"] === "string") step.uses = raw["uses"];
  if (isRecord(raw) && typeof raw["action"] === "string") step.action = raw["action"];
  return step;
}

async function loadPlugins(steps: [string, unknown][], workflowFile: string, root: string): Promise<Map<string, LoadedPlugin | ComputeflowError>> {
  const uses = new Set(steps.map(([, raw]) => (isRecord(raw) ? raw["uses"] : undefined)).filter((u): u is string => typeof u === "string" && u !== ""));
  const entries = await Promise.all(
    [...uses].map(async (u): Promise<[string, LoadedPlugin | ComputeflowError]> => {
      try {
        return [u, await loadPlugin(u, workflowFile, root)];
      } catch (e) {
        const failure = isComputeflowError(e) ? e : new ComputeflowError({ code: ErrorCodes.PLUGIN_LOAD, message: `plugin ${u} failed to load: ${String(e)}`, cause: e });
        return [u, failure];
      }
    }),
  );
  return new Map(entries);
}

function declaredOutputs(raw: unknown, plugins: ReadonlyMap<string, LoadedPlugin | ComputeflowError>): ReadonlySet<string> | undefined {
  if (!isRecord(raw) || typeof raw["uses"] !== "string" || typeof raw["action"] !== "string") return undefined;
  const plugin = plugins.get(raw["uses"]);
  if (!plugin || isComputeflowError(plugin)) return undefined;
  const spec = plugin.action(raw["action"]);
  return spec ? new Set(Object.keys(spec.outputs)) : undefined;
}

function resolveWorkspace(raw: unknown, sources: ScopeSources, positions: PositionMap, problems: Problem[]): WorkspaceRef {
  const fields = isRecord(raw) ? raw : {};
  const analyzed = analyzeTemplates(fields, { place: "workspace", selfId: undefined, sources, positions, base: "/workspace" });
  problems.push(...analyzed.problems, ...checkSecretFlow(analyzed, "/workspace", positions, undefined, "`workspace`"));
  const lookup = runtimeLookup(sources, { outputs: {}, secretsUsed: [] }, true);
  const text = (key: string): string => {
    const template = analyzed.templates.get(`/${key}`);
    if (!template) return typeof fields[key] === "string" ? fields[key] : "";
    try {
      return String(render(template, lookup) ?? "");
    } catch {
      return "";
    }
  };
  return { subscriptionId: text("subscription_id"), resourceGroup: text("resource_group"), name: text("name") };
}

function crossStepProblems(steps: readonly AnalyzedStep[], positions: PositionMap): Problem[] {
  const line = (stepId: string) => positions.key(`/steps/${stepId}`).line;
  const claims = steps.flatMap((s) => (s.claim ? [s.claim] : []));
  const attachments = steps.flatMap((s) => (s.attachment ? [s.attachment] : []));
  return [
    ...duplicateClaims(claims, ErrorCodes.DUPLICATE_NAME, (claim, first) => ({
      message: `compute name "${claim.name}" is already used by step \`${first.stepId}\` (line ${line(first.stepId)})`,
      hint: "two steps cannot create or attach the same compute; give one of them another `name:`",
    })),
    ...duplicateClaims(attachments, ErrorCodes.DUPLICATE_ATTACHMENT, (claim, first) => ({
      message: `step \`${claim.stepId}\` attaches the same resource as step \`${first.stepId}\` (line ${line(first.stepId)})`,
      hint: "each new attachment of a resource breaks the previous one: attach it once and let later steps use that compute",
    })),
  ];
}
