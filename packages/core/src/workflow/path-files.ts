import { readFileSync } from "node:fs";
import { ComputeflowError, ErrorCodes } from "../errors.js";
import { expandPath } from "./with-checks.js";

/**
 * The text (utf8) of each declared path field that has a value in `with`, by field name:
 * the one place core reads an action's local files for it (BodyContext.files). Paths follow
 * the workflow's rules: relative to the workflow file, `~` is the home directory.
 */
export function readPathFiles(pathFields: readonly string[], withValue: Readonly<Record<string, unknown>>, workflowDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const field of pathFields) {
    const value = withValue[field];
    if (typeof value !== "string" || value === "") continue;
    try {
      files[field] = readFileSync(expandPath(value, workflowDir), "utf8");
    } catch (cause) {
      throw new ComputeflowError({
        code: ErrorCodes.PATH_NOT_FOUND,
        errorClass: "validation",
        message: `${field}: cannot read ${value}`,
        hint: "check the path (relative to the workflow file)",
        cause,
      });
    }
  }
  return files;
}
