import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { baselineSpec, workflowYaml } from "./workflow.js";

/**
 * A fresh directory per trial: computeflow's journal and every tool's run configurations
 * must not leak from one tool (or one scenario) into the next.
 * @param {string} dir
 * @param {string} name
 * @param {import("./dag.js").Step[]} steps
 * @param {{passwordSecret?: string, env?: Record<string, string>}} [options] see workflowYaml; env for computeflow's process
 */
export function prepareInputs(dir, name, steps, options = {}) {
  mkdirSync(dir, { recursive: true });
  const workflowFile = join(dir, `${name}.yaml`);
  const specFile = join(dir, `${name}.spec.json`);
  writeFileSync(workflowFile, workflowYaml(name, steps, undefined, options));
  writeFileSync(specFile, JSON.stringify(baselineSpec(steps, dir)));
  return { workflowFile, specFile, ...(options.env ? { env: options.env } : {}) };
}
