// Preloaded with `node --import` by cold-start.mjs: records every module the process
// loads (ESM through a load hook on the loader thread, CommonJS from the module cache at
// exit) into the file named by COLD_START_MODULES. Never used for the timed runs.
import { appendFileSync } from "node:fs";
import Module, { register } from "node:module";

const out = process.env.COLD_START_MODULES;
if (out) {
  const hooks = `
    import { appendFileSync } from "node:fs";
    let out;
    export function initialize(data) { out = data.out; }
    export async function load(url, context, next) {
      appendFileSync(out, url + "\\n");
      return next(url, context);
    }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { out } });
  process.on("exit", () => {
    const cjs = Object.keys(Module._cache ?? {});
    if (cjs.length) appendFileSync(out, cjs.map((f) => `file://${f}`).join("\n") + "\n");
  });
}
