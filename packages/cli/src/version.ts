import { readFileSync } from "node:fs";

/** The CLI package's version (read from its package.json, which sits one level above src/ and dist/). */
export function version(): string {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version?: string };
  return manifest.version ?? "0.0.0";
}
