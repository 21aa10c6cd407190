import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * A `--import` preload that records every module a process loads into `log`: ES modules
 * through a load hook (on the loader thread), CommonJS ones from the require cache at exit.
 * Returns the NODE_OPTIONS value that loads it, and a reader for the recorded URLs.
 */
export function moduleTrace(dir: string, log: string): { nodeOptions: string; loaded: () => string[] } {
  const hooks = join(dir, "module-trace-hooks.mjs");
  const register = join(dir, "module-trace-register.mjs");
  writeFileSync(
    hooks,
    `import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  appendFileSync(${JSON.stringify(log)}, url + "\\n");
  return next(url, context);
}
`,
  );
  writeFileSync(
    register,
    `import { appendFileSync } from "node:fs";
import Module, { register } from "node:module";
register(${JSON.stringify(pathToFileURL(hooks).href)});
process.on("exit", () => {
  const cjs = Object.keys(Module._cache ?? {});
  if (cjs.length > 0) appendFileSync(${JSON.stringify(log)}, cjs.map((f) => f + "\\n").join(""));
});
`,
  );
  writeFileSync(log, "");
  return { nodeOptions: `--import=${pathToFileURL(register).href}`, loaded: () => [...new Set(readFileSync(log, "utf8").split("\n").filter(Boolean))] };
}

/** The Azure SDK packages among loaded module URLs or paths (`@azure/core-rest-pipeline` ...). */
export function azurePackages(loaded: readonly string[]): string[] {
  return [...new Set(loaded.map((u) => /node_modules[\\/](@azure(?:-rest)?[\\/][^\\/]+)/.exec(u)?.[1]?.replace("\\", "/")).filter((p): p is string => p !== undefined))].sort();
}
