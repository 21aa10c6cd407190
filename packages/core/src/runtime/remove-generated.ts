import { existsSync, realpathSync, rmdirSync, unlinkSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import type { EngineStep } from "./engine-types.js";
import type { Decision } from "./execute-graph.js";
import type { RunContext } from "./run-context.js";

/**
 * `destroy`, for a step with nothing to delete in Azure (configure-run): the files it wrote in
 * the last run (run configurations, job files) name computes that are going away, so they go
 * too, with their folder when it is left empty. Only files inside the workflow's directory,
 * through no symbolic link out of it.
 */
export function removeGeneratedFiles(run: RunContext, step: EngineStep, files: readonly string[]): Decision {
  const root = realpathSync(run.workflow.dir);
  const removed: string[] = [];
  for (const file of files) {
    const path = resolve(run.workflow.dir, file);
    if (!existsSync(path) || !inside(root, realpathSync(dirname(path)))) continue;
    unlinkSync(path);
    removed.push(file);
    const folder = dirname(path);
    if (realpathSync(folder) !== root) {
      try {
        rmdirSync(folder);
      } catch {
        // not empty: other files stay
      }
    }
  }
  for (const file of removed) run.services.emit({ type: "step_log", time: run.now(), step: step.id, level: "info", message: `removed ${file}` });
  return { status: removed.length > 0 ? "succeeded" : "noop" };
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}
