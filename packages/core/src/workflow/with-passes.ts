import type { Problem } from "../errors.js";
import { ErrorCodes } from "../errors.js";
import type { ComputeflowError } from "../errors.js";
import type { LoadedPlugin } from "../plugins/loaded-plugin.js";
import { defaultedFields } from "./apply-defaults.js";
import { joinPointer } from "./json-pointer.js";
import { error } from "./problems.js";
import { checkSecretFlow } from "./secret-flow.js";
import type { StepDraft, StepPass } from "./step-draft.js";
import { checkInput, checkPathFields, checkSecretFields, runActionCheck, runAttachedResource } from "./with-checks.js";
import type { WithCheckInput } from "./with-checks.js";
import { checkWriteFields, checkWritingStepName } from "./write-checks.js";

/** What a check of `with` against the step's action needs. */
interface ActionTarget {
  plugin: LoadedPlugin;
  action: string;
  input: WithCheckInput;
}

/**
 * A pass over `with` that needs the action: it runs when the plugin loaded, has the action,
 * and `with` is a mapping (otherwise the envelope schema reports it).
 */
const onAction =
  (pass: (draft: StepDraft, target: ActionTarget) => Problem[]): StepPass =>
  (draft) => {
    const { plugin, spec, action, withAnalyzed: analyzed } = draft;
    if (!plugin || !spec || action === undefined || !analyzed || !draft.withMapping) return [];
    return pass(draft, { plugin, action, input: { spec, raw: draft.withRaw, analyzed, base: draft.withBase, positions: draft.env.positions } });
  };

/** A pass that runs only when `with` passed the action's schema: the plugin's own code may rely on its shape. */
const onValidAction = (pass: (draft: StepDraft, target: ActionTarget) => Problem[]): StepPass => onAction((draft, target) => (draft.withValid ? pass(draft, target) : []));

/** `with` against the action's schema. A field known only at run time is checked at run time. */
export const checkWithSchema = onAction((draft, { plugin, action, input }) => {
  let issues;
  try {
    issues = plugin.validateWith(action, input.analyzed.view);
  } catch (e) {
    const err = e as ComputeflowError;
    draft.withValid = false;
    return [error(err.code ?? ErrorCodes.PLUGIN_LOAD, err.message, draft.at("uses"))];
  }
  const under = (pointer: string, roots: readonly string[]) => roots.some((d) => pointer === d || pointer.startsWith(`${d}/`));
  const secretFields = ((input.spec.secretFields ?? []) as readonly string[]).map((f) => joinPointer("", f));
  const problems = issues
    .filter((issue) => !under(issue.pointer, input.analyzed.dynamic))
    .map((issue) => {
      // A literal in a secret field is a secret all the same: never echo it.
      const message = issue.got && under(issue.pointer, secretFields) ? issue.message.replace(issue.got, "") : issue.message;
      return error(issue.code, message, issue.atKey ? input.positions.key(input.base + issue.pointer) : input.positions.value(input.base + issue.pointer), issue.hint);
    });
  draft.withValid = problems.length === 0;
  return problems;
});

/** Secret fields are written as `${{ secrets.X }}`, never as a literal. */
export const checkLiteralSecrets = onAction((_draft, { input }) => checkSecretFields(input));

/** `secrets.*` flows only into the action's secret fields. */
export const checkWithSecretFlow = onAction((draft, { input }) => {
  const problems = checkSecretFlow(input.analyzed, input.base, input.positions, input.spec, "`with`");
  draft.secretsFlagged = new Set(problems.map(positionKey));
  return problems;
});

/** Path fields name files that exist. */
export const checkPaths = onAction((draft, { input }) => checkPathFields(input, draft.env.dir));

/** Files the step writes stay inside the project. */
export const checkWrites = onAction((draft, { input }) => checkWriteFields(input, draft.env.dir, draft.env.root));

/** A step that writes files by its name has a name known before it runs. */
export const checkWritingName = onAction((draft, { input }) => (draft.nameKnown ? checkWritingStepName(draft.name, input.spec, draft.nameLocation) : []));

/** The action's own cross-field check. A misplaced secret core reported already is not reported twice. */
export const runPluginCheck = onValidAction((draft, { plugin, action, input }) => {
  const { values, context } = checkArgs(draft, input);
  const flagged = draft.secretsFlagged ?? new Set();
  return runActionCheck(input, plugin, action, values, context).filter((p) => !(/SECRET/.test(p.code) && flagged.has(positionKey(p))));
});

/** The resource an attach step claims, so two steps cannot attach the same one. */
export const findAttachment = onValidAction((draft, { plugin, action, input }) => {
  const { values, context } = checkArgs(draft, input);
  const attached = runAttachedResource(input, plugin, action, values, context);
  if (attached.resource) draft.attachment = { stepId: draft.id, name: attached.resource, location: input.positions.key(input.base) };
  return attached.problems;
});

const positionKey = (p: Problem) => `${p.location?.line}:${p.location?.column}`;

function checkArgs(draft: StepDraft, input: WithCheckInput): NonNullable<StepDraft["checkArgs"]> {
  if (draft.checkArgs) return draft.checkArgs;
  const defaulted = defaultedFields(input.spec.schema, input.analyzed.view as Record<string, unknown>);
  const context = { stepId: draft.id, computeName: draft.name, workspace: draft.env.workspace, workflowDir: draft.env.dir, isDefault: (field: string) => defaulted.has(field) };
  draft.checkArgs = { values: checkInput(input.spec, input.analyzed), context };
  return draft.checkArgs;
}
