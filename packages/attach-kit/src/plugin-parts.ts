import { asWritten } from "@computeflow/compute-kit";
import { defineAction, type AnyAction, type JsonSchema, type PlanEntry, type StepContext, type StepResult } from "@computeflow/core";
import { checkRunConfigWith, isUpToDate, runConfigWithSchema, type GeneratedFile, type RunConfigWith, type TargetCapabilities } from "@computeflow/runconfig";

/** configure-run's plan: a write, or noop when the file on disk is already what it would write. */
export async function planFileWrite(file: GeneratedFile, compute: unknown): Promise<PlanEntry> {
  if (await isUpToDate(file)) return { change: "noop", summary: `${file.file.path} is up to date` };
  return { change: "write", summary: `write ${file.file.path} for ${String(compute)}` };
}

export interface RunConfigActionParts {
  description: string;
  /** The `with` schema; runconfig's runConfigWithSchema unless the target changes a default. */
  schema?: JsonSchema;
  /** Writes the file (and checks what the attach step found). */
  apply(ctx: StepContext<RunConfigWith>): Promise<StepResult>;
  /** The file apply would write, so plan can say noop when it is up to date. */
  generated(ctx: StepContext<RunConfigWith>): GeneratedFile;
}

const typed = (ctx: StepContext<any>) => ctx as StepContext<RunConfigWith>;

/** `action: configure-run` of a training target: a v2 command job (remote VM) or a v1 .runconfig (HDInsight). */
export function runConfigAction(target: TargetCapabilities, parts: RunConfigActionParts): AnyAction {
  return defineAction({
    description: parts.description,
    schema: parts.schema ?? (runConfigWithSchema as unknown as JsonSchema),
    outputs: { path: "The job file (v2) or .runconfig (v1), relative to the workflow." },
    pathFields: ["conda_file"] as never[],
    writeFields: ["path"] as never[],
    label: "write",
    check: (input) => checkRunConfigWith(asWritten<RunConfigWith>(input), target),
    plan: (ctx) => planFileWrite(parts.generated(typed(ctx)), typed(ctx).with.compute),
    apply: (ctx) => parts.apply(typed(ctx)),
  });
}
