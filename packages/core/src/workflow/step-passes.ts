import type { Problem } from "../errors.js";
import { ErrorCodes, isComputeflowError } from "../errors.js";
import { analyzeCondition, analyzeTemplates } from "./analyze-templates.js";
import type { AnalyzeContext } from "./analyze-templates.js";
import { invalidComputeName } from "./compute-names.js";
import { didYouMean } from "./did-you-mean.js";
import { STEP_ID_PATTERN } from "./envelope-schema.js";
import { joinPointer } from "./json-pointer.js";
import { error } from "./problems.js";
import { checkSecretFlow } from "./secret-flow.js";
import type { StepDraft } from "./step-draft.js";

const STEP_ID = new RegExp(STEP_ID_PATTERN);

const templateContext = (draft: StepDraft, place: AnalyzeContext["place"]): AnalyzeContext => ({
  selfId: draft.id,
  sources: draft.env.sources,
  positions: draft.env.positions,
  place,
  base: joinPointer(draft.pointer, place),
});

/** `uses`: the plugin, or why it did not load, or why it cannot target this workspace. */
export function findPlugin(draft: StepDraft): Problem[] {
  const loaded = draft.uses === undefined ? undefined : draft.env.plugins.get(draft.uses);
  if (isComputeflowError(loaded)) return [error(loaded.code, loaded.message, draft.at("uses"), loaded.hint)];
  draft.plugin = loaded;
  const unsupported = loaded?.unsupportedTarget;
  if (!unsupported) return [];
  draft.unsupportedTarget = true;
  return [error(ErrorCodes.UNSUPPORTED_TARGET, unsupported.reason, draft.at("uses"), unsupported.hint)];
}

/** `action`: one the plugin has. */
export function findAction(draft: StepDraft): Problem[] {
  const { plugin, action } = draft;
  if (!plugin || action === undefined) return [];
  draft.spec = plugin.action(action);
  if (draft.spec || draft.unsupportedTarget) return [];
  return [error(ErrorCodes.UNSUPPORTED_ACTION, `plugin "${plugin.name}" does not support action "${action}"${didYouMean(action, plugin.actions)}`, draft.at("action"), `supported actions: ${plugin.actions.join(", ")}`)];
}

/** `name`: its expressions, and no secret in it. The name is known when nothing in it waits for run time. */
export function analyzeName(draft: StepDraft): Problem[] {
  if (!draft.nameExplicit) return [];
  const context = templateContext(draft, "name");
  const analyzed = analyzeTemplates(draft.raw["name"], context);
  draft.nameKnown = analyzed.problems.length === 0 && analyzed.dynamic.length === 0;
  if (typeof analyzed.view === "string") draft.name = analyzed.view;
  return [...analyzed.problems, ...checkSecretFlow(analyzed, context.base, draft.env.positions, undefined, "`name`")];
}

/** `needs`: steps that exist. */
export function findNeeds(draft: StepDraft): Problem[] {
  const { raw, env, pointer } = draft;
  const problems: Problem[] = [];
  const listed = typeof raw["needs"] === "string" ? [raw["needs"]] : Array.isArray(raw["needs"]) ? raw["needs"] : [];
  listed.forEach((need, i) => {
    // A malformed id is the envelope schema's to report.
    if (typeof need !== "string" || !STEP_ID.test(need)) return;
    if (env.sources.steps.has(need)) draft.needs.add(need);
    else {
      const where = Array.isArray(raw["needs"]) ? env.positions.value(joinPointer(pointer, "needs", i)) : draft.at("needs");
      problems.push(error(ErrorCodes.UNKNOWN_STEP, `\`needs\` names step \`${need}\`, which does not exist${didYouMean(need, env.sources.steps.keys())}`, where));
    }
  });
  return problems;
}

/** `with`: its expressions. A step it reads from is a need. */
export function analyzeWith(draft: StepDraft): Problem[] {
  const analyzed = analyzeTemplates(draft.withRaw, templateContext(draft, "with"));
  draft.withAnalyzed = analyzed;
  analyzed.dependencies.forEach((d) => draft.needs.add(d));
  return analyzed.problems;
}

/** `if`: its expression. A step it reads from is a need. */
export function analyzeIf(draft: StepDraft): Problem[] {
  const text = draft.raw["if"];
  if (typeof text !== "string") return [];
  const result = analyzeCondition(text, templateContext(draft, "if"));
  result.dependencies.forEach((d) => draft.needs.add(d));
  draft.condition = result.template;
  return result.problems;
}

/** The name is one Azure takes for the action's compute; an action that creates one claims it. */
export function checkComputeName(draft: StepDraft): Problem[] {
  const { spec, id, name, nameLocation } = draft;
  if (spec?.claimsComputeName) draft.claim = { stepId: id, name, location: nameLocation };
  if (!spec?.computeName || !draft.nameKnown) return [];
  const invalid = invalidComputeName(name, spec.computeName, `${draft.plugin?.name ?? draft.uses} ${draft.action}`, nameLocation, draft.nameExplicit);
  return invalid ? [invalid] : [];
}
