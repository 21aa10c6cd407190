import { writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A `--import` preload that registers a module resolve hook appending every resolved URL
 * inside a plugin package (…/plugin-NAME/…) or the fixture's local plugin to `log`: proof of which plugin modules a command imported.
 * Returns the NODE_OPTIONS value that loads it.
 */
export function importTrace(dir: string, log: string): string {
  const hook = join(dir, "trace-hook.mjs");
  const register = join(dir, "trace-register.mjs");
  writeFileSync(
    hook,
    `import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (/\\/plugin-[a-z-]+\\/|\\/plugins\\/evil\\.js/.test(result.url)) appendFileSync(${JSON.stringify(log)}, result.url + "\\n");
  return result;
}
`,
  );
  writeFileSync(register, `import { register } from "node:module";\nregister(${JSON.stringify(`file://${hook}`)});\n`);
  writeFileSync(log, "");
  return `--import=${register}`;
}
