#!/usr/bin/env node
// `--version` alone is answered from package.json without loading the CLI. Everything else
// loads the bundled CLI; on Node >= 22.1 with the compile cache kept in node_modules/.cache
// beside the validator cache (same trust as node_modules; Node 20 has no compile cache).
import { existsSync, readFileSync } from "node:fs";
import module from "node:module";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version}\n`);
} else {
  if (typeof module.enableCompileCache === "function" && !process.env.NODE_COMPILE_CACHE) {
    const cache = compileCacheDir(dirname(dirname(fileURLToPath(import.meta.url))));
    if (cache) module.enableCompileCache(cache);
  }
  await import("../dist/main.js");
}

function compileCacheDir(from) {
  for (let dir = from; dirname(dir) !== dir; dir = dirname(dir)) {
    if (basename(dir) === "node_modules") return join(dir, ".cache", "computeflow", "compile");
    if (existsSync(join(dir, "node_modules"))) return join(dir, "node_modules", ".cache", "computeflow", "compile");
  }
  return undefined;
}
