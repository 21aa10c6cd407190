// Bundles one workspace package's own modules into as few files as its entry points
// need. Run from the package directory after `tsc`, which keeps emitting the declarations.
// Bare imports stay external: @computeflow/core remains the one shared module that the CLI
// and every plugin import (never a second copy), and dependencies load from node_modules,
// except those a package lists under "computeflow-inline" in its package.json: they and
// everything they import are bundled into the (lazily loaded) chunks that use them, since
// loading a package of a few hundred small modules costs several times more than one file
// (the Azure SDK's ML client: ~800 ms from node_modules, ~250 ms as one file, same machine). Entry points are the `exports` targets (and, for a package with
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

const inline = new Set(manifest["computeflow-inline"] ?? []);
const packageOf = (specifier) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
/** Decides, for each bare import, whether it is bundled (see the header) or left to node_modules. */
const inlineListed = {
  name: "computeflow-inline",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("node:")) return { path: args.path, external: true };
      const fromThirdParty = /[\\/]node_modules[\\/]/.test(args.importer);
      return fromThirdParty || inline.has(packageOf(args.path)) ? undefined : { path: args.path, external: true };
    });
  },
};
// Bundled CommonJS calls require(): give the ESM output a real one.
const banner = inline.size > 0 ? { js: 'import { createRequire as __computeflowRequire } from "node:module";\nconst require = __computeflowRequire(import.meta.url);' } : undefined;

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
  plugins: [inlineListed],
  // An inlined package's ES module build keeps its named exports across a dynamic import
  // (a bundled CommonJS module would offer only a default export there).
  mainFields: ["module", "main"],
  ...(banner ? { banner } : {}),
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
