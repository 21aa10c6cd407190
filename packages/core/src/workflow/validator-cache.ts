import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ValidateFunction } from "ajv/dist/2020.js";

/**
 * Compiled validators kept on disk as ajv "standalone" modules, so a cold `validate` loads
 * them instead of loading ajv and generating code again (most of its schema cost).
 * Lives in node_modules/.cache (same trust as node_modules itself); any failure just means
 * compiling as usual.
 */
const requireHere = createRequire(import.meta.url);
let cacheDir: string | undefined | null = null;

export function validatorCacheDir(): string | undefined {
  if (cacheDir === null) cacheDir = findCacheDir(dirname(fileURLToPath(import.meta.url)));
  return cacheDir;
}

/** Where validators are cached; undefined turns the cache off. For tests. */
export function setValidatorCacheDir(dir: string | undefined): void {
  cacheDir = dir;
}

function findCacheDir(from: string): string | undefined {
  for (let dir = from; dirname(dir) !== dir; dir = dirname(dir)) {
    if (basename(dir) === "node_modules") return join(dir, ".cache", "computeflow", "validators");
    if (existsSync(join(dir, "node_modules"))) return join(dir, "node_modules", ".cache", "computeflow", "validators");
  }
  return undefined;
}

export function cacheKey(schema: object, salt: string): string {
  return createHash("sha256").update(salt).update("\0").update(JSON.stringify(schema)).digest("hex").slice(0, 32);
}

export function readCachedValidator(key: string): ValidateFunction | undefined {
  const dir = validatorCacheDir();
  if (!dir) return undefined;
  const file = join(dir, `${key}.cjs`);
  if (!existsSync(file)) return undefined;
  try {
    const loaded = requireHere(file) as unknown;
    return typeof loaded === "function" ? (loaded as ValidateFunction) : undefined;
  } catch {
    rmSync(file, { force: true });
    return undefined;
  }
}

/** Stores standalone code; its `require("ajv/dist/runtime/...")` calls are pinned to this ajv. */
export function writeCachedValidator(key: string, source: () => string): void {
  const dir = validatorCacheDir();
  if (!dir) return;
  try {
    const pinned = source().replace(/require\("(ajv\/dist\/[^"]+)"\)/g, (_, id: string) => `require(${JSON.stringify(requireHere.resolve(id))})`);
    mkdirSync(dir, { recursive: true });
    const temp = join(dir, `${key}.${process.pid}.tmp`);
    writeFileSync(temp, pinned);
    renameSync(temp, join(dir, `${key}.cjs`));
  } catch {
    // A schema standalone code cannot express, or a read-only disk, only costs the next run a compile.
  }
}
