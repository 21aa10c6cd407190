import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const CORE = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const REPO = resolve(CORE, "../..");
const PUBLIC = new Set(["@computeflow/core", "@computeflow/core/testing"]);

/** Plugins written the way a stranger would: only core's public entry points. */
const PLUGIN_SOURCES = ["packages/plugin-aks/src", "packages/plugin-local/src", "packages/plugin-aci/src", "examples/third-party-plugin/src"];

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.(ts|js|mjs)$/.test(e.name)).map((e) => join(e.parentPath, e.name));
}

function specifiers(source: string): string[] {
  const found: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"']+)["']/g;
  for (const match of source.matchAll(pattern)) found.push(match[1]!);
  return found;
}

/** Imports that reach into core other than through "." and "./testing". */
function deepCoreImports(file: string, source: string): string[] {
  return specifiers(source).filter((s) => {
    if (s.startsWith("@computeflow/core")) return !PUBLIC.has(s);
    if (!s.startsWith(".")) return false;
    return !relative(CORE, resolve(dirname(file), s)).startsWith("..");
  });
}

function runNode(code: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", code], { cwd: REPO, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (status) => done({ status, stderr }));
  });
}

describe("core's public surface", () => {
  it("the plugins import core only through its public entry points", async () => {
    const offenders: string[] = [];
    let scanned = 0;
    for (const dir of PLUGIN_SOURCES) {
      for (const file of await sourceFiles(join(REPO, dir))) {
        scanned++;
        for (const s of deepCoreImports(file, await readFile(file, "utf8"))) offenders.push(`${relative(REPO, file)}: ${s}`);
      }
    }
    expect(scanned).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });

  it("the scan catches deep specifiers and relative paths into core", () => {
    const file = join(REPO, "packages/plugin-aks/src/x.ts");
    const source = [
      'import { a } from "@computeflow/core";',
      'import { b } from "@computeflow/core/testing";',
      'import { c } from "@computeflow/core/dist/errors.js";',
      'import type { D } from "../../core/src/plugin.js";',
      'const e = await import("@computeflow/core/src/index.js");',
      'import { f } from "./local.js";',
    ].join("\n");
    expect(deepCoreImports(file, source)).toEqual(["@computeflow/core/dist/errors.js", "../../core/src/plugin.js", "@computeflow/core/src/index.js"]);
  });

  it("package.json exports only '.', './testing' and package.json", async () => {
    const pkg = JSON.parse(await readFile(join(CORE, "package.json"), "utf8")) as { exports: Record<string, unknown> };
    expect(Object.keys(pkg.exports).sort()).toEqual([".", "./package.json", "./testing"]);
  });

  it("a deep import into core fails in plain Node with ERR_PACKAGE_PATH_NOT_EXPORTED", async () => {
    for (const deep of ["@computeflow/core/dist/errors.js", "@computeflow/core/src/plugin.ts"]) {
      const { status, stderr } = await runNode(`await import(${JSON.stringify(deep)})`);
      expect(status).not.toBe(0);
      expect(stderr).toContain("ERR_PACKAGE_PATH_NOT_EXPORTED");
    }
  });

  it("index.ts is the one documented list of the public API", async () => {
    const index = await readFile(join(CORE, "src/index.ts"), "utf8");
    expect(index).toMatch(/^\/\*\*\n \* STOP! These exports are the public API/);
    expect(index).not.toMatch(/export \*/);
  });
});
