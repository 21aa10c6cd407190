import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve } from "node:path";

export interface WrittenFile {
  /** Relative to the workflow directory, with forward slashes. */
  path: string;
  absolutePath: string;
}

/** `<workflow dir>/.azureml/<name><extension>` unless the step gave `path:`. */
export function runConfigFilePath(workflowDir: string, name: string, path?: string, extension = ".runconfig"): WrittenFile {
  const absolutePath = path === undefined ? resolve(workflowDir, ".azureml", `${name}${extension}`) : resolve(workflowDir, path);
  const rel = relative(workflowDir, absolutePath);
  return { absolutePath, path: isAbsolute(rel) ? absolutePath : rel.split("\\").join("/") };
}

/**
 * Writes atomically (temp file + rename) so a reader never sees half a file, and
 * refuses content that contains any of `secrets`.
 */
export async function writeGeneratedFile(file: WrittenFile, content: string, secrets: readonly string[] = []): Promise<void> {
  assertNoSecret(content, secrets);
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
