// Bundles one workspace package's own modules into as few files as its entry points
// need. Run from the package directory after `tsc`, which keeps emitting the declarations.
// Every bare import stays external: @computeflow/core remains the one shared module that
// the CLI and every plugin import (never a second copy), and dependencies load from
// node_modules as before. Entry points are the `exports` targets (and, for a package with
// a `bin`, src/main.ts), taken from their `computeflow-source` TypeScript files; a dynamic
// `import("./x.js")` becomes a chunk that loads only when that code runs.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { build } from "esbuild";

const dir = process.cwd();
const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
const entries = Object.values(manifest.exports ?? {})
  .filter((target) => typeof target === "object" && target["computeflow-source"])
  .map((target) => target["computeflow-source"]);
if (manifest.bin) entries.push("./src/main.ts");
if (entries.length === 0) throw new Error(`${manifest.name}: no entry point to bundle`);

const result = await build({
  absWorkingDir: dir,
  entryPoints: entries,
  outbase: "src",
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  sourcemap: true,
  chunkNames: "chunks/[name]-[hash]",
  metafile: true,
  logLevel: "warning",
  write: false,
});

// tsc's per-file JavaScript is replaced by the bundle; its .d.ts files stay for the types.
for (const entry of readdirSync(join(dir, "dist"), { withFileTypes: true, recursive: true })) {
  if (entry.isFile() && /\.js(\.map)?$/.test(entry.name)) rmSync(join(entry.parentPath, entry.name));
}
for (const file of result.outputFiles) {
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path, file.contents);
}
const outputs = Object.keys(result.metafile.outputs).filter((f) => f.endsWith(".js"));
process.stdout.write(`${manifest.name}: ${Object.keys(result.metafile.inputs).length} modules -> ${outputs.length} files (${outputs.map((f) => relative("dist", f)).join(", ")})\n`);
