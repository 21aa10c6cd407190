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
    const bad = firstInvalidByte(bytes);
    const line = bytes.subarray(0, bad).lastIndexOf(10) + 1;
    const column = new TextDecoder().decode(bytes.subarray(line, bad)).length + 1;
    const where = { file, line: countNewlines(bytes, bad) + 1, column };
    const hex = `0x${(bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, "0")}`;
    return { problem: error(ErrorCodes.ENCODING, `invalid UTF-8: byte ${hex} does not start or continue a character`, where, "save the file as UTF-8 (it looks like another encoding, e.g. Latin-1 or Windows-1252)") };
  }
}

/** Offset of the byte where strict UTF-8 decoding first fails (the shortest invalid prefix ends there). */
function firstInvalidByte(bytes: Uint8Array): number {
  const valid = (end: number) => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (valid(mid + 1)) lo = mid + 1;
    else hi = mid;
  }
  // Failing at an ASCII or lead byte means the character before it was cut short: report that one.
  if (lo < bytes.length && ((bytes[lo] ?? 0) & 0xc0) !== 0x80) {
    let start = lo - 1;
    while (start >= 0 && lo - start <= 3 && ((bytes[start] ?? 0) & 0xc0) === 0x80) start--;
    const lead = bytes[start] ?? 0;
    const expected = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    if (start >= 0 && lo - start < expected) return start;
  }
  return lo;
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let count = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 10) count++;
  return count;
}
