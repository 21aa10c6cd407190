import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./workspace-packages.js";

// docs/plugins.md is what a third party writes a plugin from: it must say what the contract's
// source says about the two things newcomers trip on.
const docs = readFileSync(join(repoRoot, "docs/plugins.md"), "utf8");
const contract = readFileSync(join(repoRoot, "packages/core/src/plugin.ts"), "utf8");

describe("docs/plugins.md against the plugin contract", () => {
  it("says ctx.azure.ml() returns a promise, when the contract's ml() does", () => {
    expect(contract).toMatch(/\bml\(\): Promise</);
    expect(docs).toMatch(/`ctx\.azure\.ml\(\)` returns a \*\*promise\*\*/);
    expect(docs).toContain("await ctx.azure.ml()");
  });

  it("documents every field of WorkspaceRef", () => {
    const body = /export interface WorkspaceRef \{([^}]*)\}/.exec(contract)?.[1] ?? "";
    const fields = [...body.matchAll(/^\s*(?:readonly\s+)?(\w+)\??:/gm)].map((m) => m[1]!);
    expect(fields.length).toBeGreaterThan(0);
    const section = docs.slice(docs.indexOf("`WorkspaceRef`:"), docs.indexOf("`WorkspaceRef`:") + 300);
    for (const field of fields) expect(section).toContain(`\`${field}\``);
  });
});
