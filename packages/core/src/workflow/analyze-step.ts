import type { Problem } from "../errors.js";
import type { GraphStep } from "../graph/step-graph.js";
import type { NameClaim } from "./compute-names.js";
import { joinPointer } from "./json-pointer.js";
import { createResolvedStep } from "./resolved-step.js";
import { createDraft } from "./step-draft.js";
import type { StepEnvironment, StepPass } from "./step-draft.js";
import { analyzeIf, analyzeName, analyzeWith, checkComputeName, findAction, findNeeds, findPlugin } from "./step-passes.js";
import { stepSettings } from "./step-settings.js";
import type { ResolvedStep } from "./types.js";
import { checkLiteralSecrets, checkPaths, checkWithSchema, checkWithSecretFlow, checkWrites, checkWritingName, findAttachment, runPluginCheck } from "./with-passes.js";

export interface AnalyzedStep {
  /** Known even when the step has errors, so cycles are found in the same run. */
  node: GraphStep;
  step?: ResolvedStep;
  claim?: NameClaim;
  attachment?: NameClaim;
  problems: Problem[];
}

/**
 * The checks of one step, in the order their problems are reported. Each pass reads what the
 * passes before it found on the draft (the plugin, the action, the name, the analysed `with`).
 */
export const STEP_PASSES: readonly StepPass[] = [
  findPlugin, // `uses` loaded and can target this workspace
  findAction, // `action` is one the plugin has
  analyzeName, // `name`: expressions, no secret
  findNeeds, // `needs` names steps that exist
  analyzeWith, // `with`: expressions; steps it reads become needs
  analyzeIf, // `if`: expression; steps it reads become needs
  checkComputeName, // a compute name Azure takes; claimed by actions that create one
  checkWithSchema, // `with` against the action's schema
  checkLiteralSecrets, // secret fields come from `secrets.*`
  checkWithSecretFlow, // `secrets.*` only in secret fields
  checkPaths, // path fields name files that exist
  checkWrites, // written files stay inside the project
  checkWritingName, // a step that writes files has a name known now
  runPluginCheck, // the action's own check, once `with` fits the schema
  findAttachment, // the resource an attach step claims
];

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

export function analyzeStep(id: string, raw: unknown, env: StepEnvironment): AnalyzedStep {
  const location = env.positions.key(joinPointer("/steps", id));
  if (!isRecord(raw)) return { node: { id, needs: [], location }, problems: [] };
  const draft = createDraft(id, raw, env);
  const problems = STEP_PASSES.flatMap((pass) => pass(draft));
  const needs = [...draft.needs].sort();
  const result: AnalyzedStep = { node: { id, needs, location }, problems };
  if (draft.claim) result.claim = draft.claim;
  if (draft.attachment) result.attachment = draft.attachment;
  const { plugin, spec, uses, action, withAnalyzed } = draft;
  if (!plugin || !spec || uses === undefined || action === undefined || !withAnalyzed) return result;
  // The settings are named one by one: an object literal with anything after a spread is slow on Node 20 (see apply-defaults.ts).
  const { timeoutMinutes, retry, continueOnError } = stepSettings(raw, env.defaults);
  result.step = createResolvedStep({
    id,
    name: draft.name,
    uses,
    action,
    plugin,
    spec,
    needs,
    timeoutMinutes,
    retry,
    continueOnError,
    location,
    withRaw: draft.withRaw,
    templates: withAnalyzed.templates,
    condition: draft.condition,
    sources: env.sources,
    runtimeValues: withAnalyzed.dynamic.length > 0,
  });
  return result;
}
