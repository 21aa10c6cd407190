import type { Outputs, PlanEntry, StepContext, WorkspaceRef } from "../plugin.js";
import { readPathFiles } from "../workflow/path-files.js";
import type { RunServices } from "./run-services.js";

export interface StepContextInput {
  step: { id: string; name: string; uses: string; action: string };
  with: Record<string, unknown>;
  workspace: WorkspaceRef;
  workflowDir: string;
  /** Defaults to workflowDir. */
  projectRoot?: string;
  plan: PlanEntry | undefined;
  allowReplace: boolean;
  needs: Record<string, Outputs>;
  signal: AbortSignal;
  /** The action's declared path fields: `bodyContext` reads their files. */
  pathFields?: readonly string[];
}

/** The StepContext a hook receives: Azure access, a redacting logger, the abort signal. */
export function buildStepContext(services: RunServices, input: StepContextInput): StepContext {
  const time = (): string => new Date(services.clock.now()).toISOString();
  const step = input.step.id;
  const log = (level: "info" | "warn" | "debug") => (message: string) =>
    services.emit({ type: "step_log", time: time(), step, level, message: String(message) });
  return {
    step: { ...input.step },
    with: input.with,
    workspace: input.workspace,
    workflowDir: input.workflowDir,
    projectRoot: input.projectRoot ?? input.workflowDir,
    plan: input.plan,
    options: { allowReplace: input.allowReplace },
    azure: services.azureFor(input.workspace.subscriptionId),
    log: {
      info: log("info"),
      warn: log("warn"),
      debug: log("debug"),
      progress: (progress) => services.emit({ type: "step_progress", time: time(), step, progress }),
    },
    signal: input.signal,
    needs: input.needs,
    secret: (value) => services.redactor.add(value),
    bodyContext: (location) => ({
      computeName: input.step.name,
      workspace: input.workspace,
      location,
      files: readPathFiles(input.pathFields ?? [], input.with, input.workflowDir),
    }),
  };
}
