import type { CheckProblem } from "@computeflow/core";
import { checkRunConfigWith, type RunConfigWith } from "@computeflow/runconfig";

export type LocalRunWith = Omit<RunConfigWith, "compute">;

export const LOCAL_TARGET = "local";

const LOCAL = { kind: "the local computer", frameworks: ["python"] as const };

/** The shared run configuration checks, plus what a single local machine cannot do. */
export function checkLocalRun(input: LocalRunWith): CheckProblem[] {
  const problems: CheckProblem[] = checkRunConfigWith({ ...input, compute: LOCAL_TARGET }, LOCAL);
  if (input.node_count !== undefined && input.node_count > 1) {
    problems.push({ path: "/node_count", message: "the local computer is one node", hint: "remove node_count, or train on an AmlCompute cluster for distributed runs" });
  }
  if (input.communicator !== undefined && input.communicator !== "None") {
    problems.push({ path: "/communicator", message: "distributed communicators need several nodes; a local run has one", hint: "remove communicator" });
  }
  return problems;
}
