import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { guardWrite } from "./guard-write.js";

export interface WrittenFile {
  /** Relative to the workflow directory, with forward slashes. */
  path: string;
  absolutePath: string;
  /** The project root the file must stay inside. */
  root: string;
}

/** `<workflow dir>/.azureml/<name><extension>` unless the step gave `path:`; `root` defaults to the workflow directory. */
export function runConfigFilePath(workflowDir: string, name: string, path?: string, extension = ".runconfig", root = workflowDir): WrittenFile {
  const absolutePath = path === undefined ? resolve(workflowDir, ".azureml", `${name}${extension}`) : resolve(workflowDir, path);
  const rel = relative(workflowDir, absolutePath);
  return { absolutePath, path: isAbsolute(rel) ? absolutePath : rel.split("\\").join("/"), root };
}

/**
 * Writes atomically (temp file + rename) so a reader never sees half a file, and
 * refuses content that contains any of `secrets`, a path outside the project root, and a
 * file computeflow did not write.
 */
export async function writeGeneratedFile(file: WrittenFile, content: string, secrets: readonly string[] = []): Promise<void> {
  assertNoSecret(content, secrets);
  await guardWrite(file.root, file.absolutePath, file.path);
  await mkdir(dirname(file.absolutePath), { recursive: true });
  const temp = `${file.absolutePath}.${process.pid}.tmp`;
  await writeFile(temp, content, { mode: 0o644 });
  await rename(temp, file.absolutePath);
}

export function assertNoSecret(content: string, secrets: readonly string[]): void {
  for (const secret of secrets) {
    if (secret.length > 0 && content.includes(secret)) {
      throw Object.assign(new Error("refusing to write a generated file that contains a secret value"), { code: "E_SECRET_IN_FILE" });
    }
  }
}
