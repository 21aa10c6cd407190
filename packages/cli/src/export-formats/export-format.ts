import type { ResolvedWorkflow } from "@computeflow/core";
import type { Target } from "../commands/run.js";
import type { ExportOutput } from "./az-ml/az-ml.js";

/** One `export --format` value: renders the workflow as another tool's file(s). */
export interface ExportFormat {
  description: string;
  /** Reads Azure (or the emulator) to build the output, as `plan` does: takes the target options and needs secrets. */
  needsAzure: boolean;
  /** What `-o` names: a directory (one file per compute) or the one output file. */
  output: "dir" | "file";
  render(workflow: ResolvedWorkflow, target: Target, env: Record<string, string | undefined>): Promise<ExportOutput>;
}
