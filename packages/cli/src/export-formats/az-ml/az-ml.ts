import { dump } from "js-yaml";
import type { ResolvedWorkflow } from "@computeflow/core";
import { assertNoSecret } from "@computeflow/runconfig";
import { computeDocument } from "./compute-yaml.js";

/** What an export format produces: one text for stdout, or files for `-o DIR`. */
export interface ExportOutput {
  text: string;
  notes: string[];
  /** File name (inside `-o DIR`) -> content. */
  files: { name: string; text: string }[];
}

/**
 * `export --format az-ml`: each provision/attach step's compute as the YAML that
 * `az ml compute create -f` reads (azure-ai-ml's names). Reads nothing from Azure.
 */
export function renderAzMl(workflow: ResolvedWorkflow): ExportOutput {
  const notes: string[] = [];
  const files: { name: string; text: string }[] = [];
  for (const step of workflow.steps) {
    let value: Record<string, unknown>;
    try {
      // Only what the file says: az ml applies its own defaults to fields left out.
      const resolved = step.resolveWith({});
      value = Object.fromEntries(Object.entries(resolved.value).filter(([k]) => !resolved.defaulted.includes(k)));
    } catch {
      notes.push(`${step.id}: skipped, its parameters read other steps' outputs (known only during run)`);
      continue;
    }
    const secretFields = new Set(step.spec.secretFields ?? []);
    const visible = Object.fromEntries(Object.entries(value).filter(([k]) => !secretFields.has(k)));
    const found = computeDocument(step, visible, workflow.workspace.subscriptionId);
    if (!found) continue;
    if ("skipped" in found) {
      notes.push(`${step.id}: ${found.skipped}`);
      continue;
    }
    if (value.unique_name === true) notes.push(`${step.id}: unique_name adds a suffix from the workspace id; the name here is the step's`);
    if ([...secretFields].some((f) => value[f] !== undefined)) notes.push(`${step.id}: ${[...secretFields].filter((f) => value[f] !== undefined).join(", ")} not written (secret): give it to az ml at create time`);
    const name = `${found.name}.yml`;
    const text = `# Written by computeflow from ${workflow.name}: az ml compute create -f ${name}\n${dump(found.doc, { lineWidth: -1, noRefs: true })}`;
    assertNoSecret(text, workflow.secrets);
    files.push({ name, text });
  }
  return { text: files.map((f) => f.text).join("---\n"), notes, files };
}
