import { exportArmTemplate, type ResolvedWorkflow } from "@computeflow/core";
import type { Target } from "../commands/run.js";
import type { ExportFormat } from "./export-format.js";

/** `--format arm`: the ARM deployment template `run --engine arm` deploys. */
export const armFormat: ExportFormat = {
  description: "arm: an ARM deployment template of the provision and attach steps",
  needsAzure: true,
  output: "file",
  async render(workflow: ResolvedWorkflow, target: Target, env: Record<string, string | undefined>) {
    const { template, localSteps } = await exportArmTemplate(workflow, { ...target.options, env });
    const notes = localSteps.length > 0 ? [`left to the local engine (run --engine arm runs them after the deployment): ${localSteps.join(", ")}`] : [];
    const text = `${JSON.stringify(template, null, 2)}\n`;
    return { text, notes, files: [{ name: "template.json", text }] };
  },
};
