import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A throwaway project directory (with a package.json, so it is a project root) holding `files`. */
export function tempProject(files: Record<string, string>): { dir: string; path(name: string): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "computeflow-hostile-"));
  const all = { "package.json": '{ "name": "hostile-fixture", "private": true, "type": "module" }\n', ...files };
  for (const [name, content] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return { dir, path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Nine levels of nine aliases: ~430 million nodes once expanded. `indent` places it anywhere in a file. */
export function aliasBomb(indent: string): string[] {
  const lines = [`${indent}l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]`];
  for (let level = 1; level <= 8; level++) {
    const refs = Array.from({ length: 9 }, () => `*l${level - 1}`).join(", ");
    lines.push(`${indent}l${level}: &l${level} [${refs}]`);
  }
  lines.push(`${indent}l9: [${Array.from({ length: 9 }, () => "*l8").join(", ")}]`);
  return lines;
}
