import { readFile } from "node:fs/promises";
import type { Problem } from "../errors.js";
import { ErrorCodes } from "../errors.js";
import { error } from "./problems.js";

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Reads a workflow file as UTF-8 text, refusing binary content. `file` is how messages name it. */
export async function readSource(path: string, file = path): Promise<{ text?: string; problem?: Problem }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { problem: error(ErrorCodes.FILE_NOT_FOUND, `${file}: no such file`) };
    if (code === "EISDIR") return { problem: error(ErrorCodes.FILE_NOT_FOUND, `${file} is a directory, not a workflow file`) };
    return { problem: error(ErrorCodes.FILE_NOT_FOUND, `${file}: cannot read (${code ?? String(e)})`) };
  }
  const location = { file, line: 1, column: 1 };
  const binary = error(ErrorCodes.BINARY_FILE, "this is a binary file, not a YAML workflow", location, "pass the workflow's .yaml file");
  if (bytes.subarray(0, 8000).includes(0)) return { problem: binary };
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    return { problem: binary };
  }
}
