#!/usr/bin/env node
// CommonJS (bin/package.json): `--version` alone is answered from package.json without
// starting Node's ES module loader, which costs ~9 ms on Node 20. Everything else imports the
// bundled CLI; on Node >= 22.1 with the compile cache kept in node_modules/.cache beside the
// validator cache (same trust as node_modules; Node 20 has no compile cache).
"use strict";
const { existsSync, readFileSync } = require("node:fs");
const { basename, dirname, join } = require("node:path");

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  process.stdout.write(`${JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")).version}\n`);
} else {
  const module = require("node:module");
  if (typeof module.enableCompileCache === "function" && !process.env.NODE_COMPILE_CACHE) {
    const cache = compileCacheDir(dirname(__dirname));
    if (cache) module.enableCompileCache(cache);
  }
  import("../dist/main.js");
}

function compileCacheDir(from) {
  for (let dir = from; dirname(dir) !== dir; dir = dirname(dir)) {
    if (basename(dir) === "node_modules") return join(dir, ".cache", "computeflow", "compile");
    if (existsSync(join(dir, "node_modules"))) return join(dir, "node_modules", ".cache", "computeflow", "compile");
  }
  return undefined;
}
