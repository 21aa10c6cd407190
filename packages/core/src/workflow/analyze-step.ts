import type { Problem } from "../errors.js";
import { ErrorCodes, isComputeflowError } from "../errors.js";
import type { GraphStep } from "../graph/step-graph.js";
import type { ComputeflowError } from "../errors.js";
import type { CheckContext, WorkspaceRef } from "../plugin.js";
import type { LoadedPlugin } from "../plugins/loaded-plugin.js";
import { analyzeCondition, analyzeTemplates } from "./analyze-templates.js";
import type { AnalyzedValue } from "./analyze-templates.js";
import { invalidComputeName } from "./compute-names.js";
import type { NameClaim } from "./compute-names.js";
import { didYouMean } from "./did-you-mean.js";
import { STEP_ID_PATTERN } from "./envelope-schema.js";
import type { Template } from "./expressions/ast.js";
import type { ScopeSources } from "./expression-scope.js";
import { joinPointer } from "./json-pointer.js";
import type { PositionMap } from "./position-map.js";
import { error } from "./problems.js";
import { createResolvedStep } from "./resolved-step.js";
import { stepSettings } from "./step-settings.js";
import type { ResolvedStep } from "./types.js";
import { defaultedFields } from "./apply-defaults.js";
import { checkInput, checkPathFields, checkSecretFields, runActionCheck, runAttachedResource } from "./with-checks.js";
import { checkSecretFlow } from "./secret-flow.js";
import { checkWriteFields, checkWritingStepName } from "./write-checks.js";
import type { WithCheckInput } from "./with-checks.js";

export interface StepEnvironment {
  positions: PositionMap;
  sources: ScopeSources;
  dir: string;
  /** The project root: written files stay inside it. */
  root: string;
  workspace: WorkspaceRef;
  defaults: Record<string, unknown>;
  /** By `uses:` value: the plugin, or why it did not load. */
  plugins: ReadonlyMap<string, LoadedPlugin | ComputeflowError>;
}

export interface AnalyzedStep {
  /** Known even when the step has errors, so cycles are found in the same run. */
  node: GraphStep;
  step?: ResolvedStep;
  claim?: NameClaim;
  attachment?: NameClaim;
  problems: Problem[];
}

const STEP_ID = new RegExp(STEP_ID_PATTERN);
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

export function analyzeStep(id: string, raw: unknown, env: StepEnvironment): AnalyzedStep {
  const { positions, sources } = env;
  const pointer = joinPointer("/steps", id);
  const problems: Problem[] = [];
  const location = positions.key(pointer);
  if (!isRecord(raw)) return { node: { id, needs: [], location }, problems };
  const at = (field: string) => positions.value(joinPointer(pointer, field));
  const context = { selfId: id, sources, positions };

  const uses = typeof raw["uses"] === "string" ? raw["uses"] : undefined;
  const action = typeof raw["action"] === "string" ? raw["action"] : undefined;
  const loaded = uses === undefined ? undefined : env.plugins.get(uses);
  const plugin = isComputeflowError(loaded) ? undefined : loaded;
  if (isComputeflowError(loaded)) problems.push(error(loaded.code, loaded.message, at("uses"), loaded.hint));
  const unsupported = plugin?.unsupportedTarget;
  if (unsupported) problems.push(error(ErrorCodes.UNSUPPORTED_TARGET, unsupported.reason, at("uses"), unsupported.hint));
  const spec = plugin && action !== undefined ? plugin.action(action) : undefined;
  if (plugin && !unsupported && action !== undefined && !spec) {
    problems.push(error(ErrorCodes.UNSUPPORTED_ACTION, `plugin "${plugin.name}" does not support action "${action}"${didYouMean(action, plugin.actions)}`, at("action"), `supported actions: ${plugin.actions.join(", ")}`));
  }

  let name = id;
  let nameKnown = true;
  const nameExplicit = typeof raw["name"] === "string";
  if (nameExplicit) {
    const analyzed = analyzeTemplates(raw["name"], { ...context, place: "name", base: joinPointer(pointer, "name") });
    problems.push(...analyzed.problems);
    problems.push(...checkSecretFlow(analyzed, joinPointer(pointer, "name"), positions, undefined, "`name`"));
    nameKnown = analyzed.problems.length === 0 && analyzed.dynamic.length === 0;
    if (typeof analyzed.view === "string") name = analyzed.view;
  }
  const nameLocation = nameExplicit ? at("name") : positions.key(pointer);

  const needs = new Set<string>();
  const listed = typeof raw["needs"] === "string" ? [raw["needs"]] : Array.isArray(raw["needs"]) ? raw["needs"] : [];
  listed.forEach((need, i) => {
    // A malformed id is the envelope schema's to report.
    if (typeof need !== "string" || !STEP_ID.test(need)) return;
    if (sources.steps.has(need)) needs.add(need);
    else {
      const where = Array.isArray(raw["needs"]) ? positions.value(joinPointer(pointer, "needs", i)) : at("needs");
      problems.push(error(ErrorCodes.UNKNOWN_STEP, `\`needs\` names step \`${need}\`, which does not exist${didYouMean(need, sources.steps.keys())}`, where));
    }
  });

  const withRaw = isRecord(raw["with"]) ? raw["with"] : {};
  const withBase = joinPointer(pointer, "with");
  const analyzed = analyzeTemplates(withRaw, { ...context, place: "with", base: withBase });
  problems.push(...analyzed.problems);
  analyzed.dependencies.forEach((d) => needs.add(d));

  let condition: Template | boolean | undefined = typeof raw["if"] === "boolean" ? raw["if"] : undefined;
  if (typeof raw["if"] === "string") {
    const result = analyzeCondition(raw["if"], { ...context, place: "if", base: joinPointer(pointer, "if") });
    problems.push(...result.problems);
    result.dependencies.forEach((d) => needs.add(d));
    condition = result.template;
  }

  const sortedNeeds = [...needs].sort();
  const result: AnalyzedStep = { node: { id, needs: sortedNeeds, location }, problems };
  if (spec?.computeName && nameKnown) {
    const invalid = invalidComputeName(name, spec.computeName, `${plugin?.name ?? uses} ${action}`, nameLocation, nameExplicit);
    if (invalid) problems.push(invalid);
  }
  if (spec?.claimsComputeName) result.claim = { stepId: id, name, location: nameLocation };
  // `with` that is not a mapping is the envelope schema's to report.
  if (plugin && spec && action !== undefined && (raw["with"] === undefined || isRecord(raw["with"]))) {
    const input: WithCheckInput = { spec, raw: withRaw, analyzed, base: withBase, positions };
    const schemaProblems = validateWith(plugin, action, analyzed, withBase, positions, at("uses"));
    const secretFlow = checkSecretFlow(analyzed, withBase, positions, spec, "`with`");
    problems.push(...schemaProblems, ...checkSecretFields(input), ...secretFlow, ...checkPathFields(input, env.dir), ...checkWriteFields(input, env.dir, env.root));
    if (nameKnown) problems.push(...checkWritingStepName(name, spec, nameLocation));
    if (schemaProblems.length === 0) {
      const defaulted = defaultedFields(spec.schema, analyzed.view as Record<string, unknown>);
      const checkContext: CheckContext = { stepId: id, computeName: name, workspace: env.workspace, workflowDir: env.dir, isDefault: (field) => defaulted.has(field) };
      const values = checkInput(spec, analyzed);
      // One problem per misplaced secret: core's E_SECRET_IN_PLAIN_FIELD stands for a plugin's own report at the same place.
      const flagged = new Set(secretFlow.map((p) => `${p.location?.line}:${p.location?.column}`));
      problems.push(...runActionCheck(input, plugin, action, values, checkContext).filter((p) => !(/SECRET/.test(p.code) && flagged.has(`${p.location?.line}:${p.location?.column}`))));
      const attached = runAttachedResource(input, plugin, action, values, checkContext);
      problems.push(...attached.problems);
      if (attached.resource) result.attachment = { stepId: id, name: attached.resource, location: positions.key(withBase) };
    }
  }
  if (!plugin || !spec || uses === undefined || action === undefined) return result;
  result.step = createResolvedStep({
    id,
    name,
    uses,
    action,
    plugin,
    spec,
    needs: sortedNeeds,
    ...stepSettings(raw, env.defaults),
    location,
    withRaw,
    templates: analyzed.templates,
    condition,
    sources,
    runtimeValues: analyzed.dynamic.length > 0,
  });
  return result;
}

function validateWith(plugin: LoadedPlugin, action: string, analyzed: AnalyzedValue, base: string, positions: PositionMap, usesLocation: ReturnType<PositionMap["value"]>): Problem[] {
  let issues;
  try {
    issues = plugin.validateWith(action, analyzed.view);
  } catch (e) {
    const err = e as ComputeflowError;
    return [error(err.code ?? ErrorCodes.PLUGIN_LOAD, err.message, usesLocation)];
  }
  const under = (pointer: string, roots: readonly string[]) => roots.some((d) => pointer === d || pointer.startsWith(`${d}/`));
  const secretFields = ((plugin.action(action)?.secretFields ?? []) as readonly string[]).map((f) => joinPointer("", f));
  return issues
    .filter((issue) => !under(issue.pointer, analyzed.dynamic))
    .map((issue) => {
      // A literal in a secret field is a secret all the same: never echo it.
      const message = issue.got && under(issue.pointer, secretFields) ? issue.message.replace(issue.got, "") : issue.message;
      return error(issue.code, message, issue.atKey ? positions.key(base + issue.pointer) : positions.value(base + issue.pointer), issue.hint);
    });
}
