import { dirname, relative, sep } from "node:path";
import type { Outputs } from "../plugin.js";
import type { EngineStep, EngineWorkflow } from "./engine-types.js";
import type { StepStatus } from "./events.js";

/** One workflow of a combined run and the label its step ids get ("team-a/cpu-cluster"). */
export interface LabelledWorkflow {
  label: string;
  workflow: EngineWorkflow;
}

/**
 * Several workflows as one graph, for one `plan`, `run` or `destroy`: each step keeps its
 * own workspace (so its subscription's budget) and directory, and is named
 * `<label>/<step id>`; dependencies stay inside their own file, so a failure in one file
 * skips nothing in another. The journal goes to the files' common directory.
 */
export function combineWorkflows(parts: readonly LabelledWorkflow[]): EngineWorkflow {
  if (parts.length === 1) return parts[0]!.workflow;
  const first = parts[0]!.workflow;
  return {
    file: first.file,
    dir: commonDir(parts.map((p) => p.workflow.dir)),
    name: parts.map((p) => p.workflow.name).join(" + "),
    workspace: first.workspace,
    secrets: [...new Set(parts.flatMap((p) => p.workflow.secrets))],
    steps: parts.flatMap(({ label, workflow }) => workflow.steps.map((step) => labelled(step, label, workflow))),
  };
}

/** Short labels from the files' names, made unique by their paths where names repeat. */
export function labelsFor(files: readonly string[], cwd: string): string[] {
  const stem = (file: string) => file.replace(/\\/g, "/").replace(/\.ya?ml$/i, "");
  const short = files.map((f) => stem(f).split("/").pop()!);
  return files.map((f, i) => (short.filter((s) => s === short[i]).length > 1 ? stem(relative(cwd, f)) : short[i]!));
}

function labelled(step: EngineStep, label: string, workflow: EngineWorkflow): EngineStep {
  const prefix = `${label}/`;
  const own = <T>(record: Readonly<Record<string, T>>): Record<string, T> => {
    const out: Record<string, T> = {};
    for (const [id, value] of Object.entries(record)) if (id.startsWith(prefix)) out[id.slice(prefix.length)] = value;
    return out;
  };
  return {
    ...step,
    id: `${prefix}${step.id}`,
    needs: step.needs.map((id) => `${prefix}${id}`),
    workspace: step.workspace ?? workflow.workspace,
    dir: step.dir ?? workflow.dir,
    resolveWith: (outputs: Readonly<Record<string, Outputs>>) => step.resolveWith(own(outputs)),
    shouldRun: (outputs: Readonly<Record<string, Outputs>>, statuses: Readonly<Record<string, StepStatus>>) => step.shouldRun(own(outputs), own(statuses)),
  };
}

function commonDir(dirs: readonly string[]): string {
  let common = dirs[0]!;
  while (!dirs.every((d) => d === common || d.startsWith(common.endsWith(sep) ? common : common + sep))) {
    const up = dirname(common);
    if (up === common) break;
    common = up;
  }
  return common;
}
