import { existsSync, realpathSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

/** The mark every file computeflow generates carries in its first lines. */
export const GENERATED_MARK = "Written by computeflow";

/**
 * Why a generated file may not be written: a stable code, the message, a hint. It carries
 * core's error brand (structurally: this package does not depend on core), so the engine
 * reports its code rather than blaming the plugin.
 */
const CORE_ERROR_BRAND: unique symbol = Symbol.for("computeflow.error") as never;

export class RefusedWrite extends Error {
  readonly [CORE_ERROR_BRAND] = true;
  readonly errorClass = "validation";
  readonly retryable = false;

  constructor(
    readonly code: "E_PATH_OUTSIDE_PROJECT" | "E_FILE_NOT_OURS",
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = "RefusedWrite";
  }
}

/**
 * Refuses a write outside `root` (symbolic links followed) or over a file computeflow did not
 * write. The last line of defence: validate refuses the same paths when it can see them.
 */
export async function guardWrite(root: string, absolutePath: string, shown: string): Promise<void> {
  if (!inside(root, absolutePath)) {
    throw new RefusedWrite("E_PATH_OUTSIDE_PROJECT", `refusing to write ${shown}: it is outside the project (${root})`, "generated files go inside the project that holds the workflow; use a relative `path:`");
  }
  const existing = await readFile(absolutePath, "utf8").catch(() => undefined);
  if (existing !== undefined && !isGenerated(existing)) {
    throw new RefusedWrite("E_FILE_NOT_OURS", `refusing to overwrite ${shown}: computeflow did not write it`, `choose another \`path:\`, or delete ${shown} if computeflow may replace it`);
  }
}

/** True when `content` starts with computeflow's header (within its first three lines). */
export function isGenerated(content: string): boolean {
  return content.split("\n", 3).some((line) => line.includes(GENERATED_MARK));
}

function inside(root: string, path: string): boolean {
  const rel = relative(real(root), real(resolve(path)));
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** The real path of `path`, or of its nearest existing ancestor plus the rest. */
function real(path: string): string {
  if (existsSync(path)) return realpathSync(path);
  const parent = dirname(path);
  return parent === path ? path : join(real(parent), path.slice(parent.length));
}
