import { readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import type { Problem, SourceLocation } from "../errors.js";
import { ErrorCodes } from "../errors.js";
import type { AnyAction as ActionSpec } from "../plugin.js";
import type { WithCheckInput } from "./with-checks.js";
import { joinPointer } from "./json-pointer.js";
import { error } from "./problems.js";
import { isInsideRoot } from "./project-root.js";

/** The mark computeflow's generated files carry in their first lines; a file without it is the user's. */
const GENERATED_MARK = "Written by computeflow";

/**
 * Files a workflow makes computeflow write (ActionSpec.writeFields) stay inside the project
 * root and never replace a file computeflow did not write. Values known only at run time are
 * checked when written.
 */
export function checkWriteFields({ spec, analyzed, base, positions }: WithCheckInput, workflowDir: string, root: string): Problem[] {
  const problems: Problem[] = [];
  const view = analyzed.view as Record<string, unknown>;
  const fields = spec.writeFields ?? [];
  // An indexed loop: a for-of walks an iterator in V8's interpreter, once per step.
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const pointer = joinPointer("", field);
    const value = view[field];
    if (typeof value !== "string" || value === "" || analyzed.dynamic.includes(pointer)) continue;
    const location = positions.value(base + pointer);
    const path = isAbsolute(value) ? value : resolve(workflowDir, value);
    if (!isInsideRoot(root, path)) {
      problems.push(error(ErrorCodes.PATH_OUTSIDE_PROJECT, `\`${field}\`: ${value} is outside the project (${root}); a workflow writes only inside its project`, location, "use a path relative to the workflow, inside the project"));
    } else if (foreignFile(path)) {
      problems.push(error(ErrorCodes.FILE_NOT_OURS, `\`${field}\`: ${value} exists and computeflow did not write it; it will not be overwritten`, location, `choose another \`${field}\`, or delete the file if computeflow may replace it`));
    }
  }
  return problems;
}

/** A step whose action writes a file named after the step: `name:` must not be a path. */
export function checkWritingStepName(name: string, spec: ActionSpec, location: SourceLocation): Problem[] {
  if (!spec.writeFields?.length || !/[\\/]|^\.\.?$/.test(name)) return [];
  return [error(ErrorCodes.PATH_OUTSIDE_PROJECT, `step name "${name}" names the file this step writes, and may not contain \`/\`, \`\\\` or be \`.\` or \`..\``, location, "use letters, digits and hyphens; to choose the file, set `path:`")];
}

function foreignFile(path: string): boolean {
  let content: string;
  try {
    content = readFileSync(path, "utf8");
  } catch {
    return false;
  }
  return !content.split("\n", 3).some((line) => line.includes(GENERATED_MARK));
}
