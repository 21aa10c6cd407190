import { describe, expect, it } from "vitest";
import { packageEntry } from "./resolve-package.js";
import { isPluginPackageName, parseUses } from "./specifier.js";

describe("parseUses", () => {
  it.each([
    ["amlcompute", { kind: "package", candidates: ["@computeflow/plugin-amlcompute", "computeflow-plugin-amlcompute"], subpath: "." }],
    ["computeflow-plugin-x", { kind: "package", candidates: ["computeflow-plugin-x"], subpath: "." }],
    ["@acme/computeflow-plugin-y", { kind: "package", candidates: ["@acme/computeflow-plugin-y"], subpath: "." }],
    ["@acme/targets/gpu", { kind: "package", candidates: ["@acme/targets"], subpath: "./gpu" }],
    ["some_pkg", { kind: "package", candidates: ["some_pkg"], subpath: "." }],
    ["./plugins/my-target.js", { kind: "path", path: "./plugins/my-target.js" }],
    ["../shared/target", { kind: "path", path: "../shared/target" }],
    ["/opt/target.js", { kind: "path", path: "/opt/target.js" }],
  ])("%s", (uses, expected) => {
    expect(parseUses(uses)).toEqual(expected);
  });
});

describe("isPluginPackageName", () => {
  it.each([
    ["@computeflow/plugin-batch", true],
    ["computeflow-plugin-x", true],
    ["@acme/computeflow-plugin-y", true],
    ["@computeflow/core", false],
    ["computeflow", false],
    ["left-pad", false],
  ])("%s -> %s", (name, expected) => {
    expect(isPluginPackageName(name)).toBe(expected);
  });
});

describe("packageEntry", () => {
  const at = (manifest: object, subpath?: string) => packageEntry({ dir: "/p", manifest }, subpath);
  it("follows exports by condition, in the package's order", () => {
    expect(at({ exports: "./main.js" })).toBe("/p/main.js");
    expect(at({ exports: { ".": { types: "./x.d.ts", require: "./x.cjs", import: "./x.mjs" } } })).toBe("/p/x.mjs");
    expect(at({ exports: { node: { import: "./n.mjs" }, default: "./d.js" } })).toBe("/p/n.mjs");
    expect(at({ exports: { ".": [{ browser: "./b.js" }, "./fallback.js"] } })).toBe("/p/fallback.js");
  });
  it("resolves subpaths and patterns, and refuses what is not exported", () => {
    const manifest = { exports: { ".": "./i.js", "./targets/*": "./lib/targets/*.js" } };
    expect(at(manifest, "./targets/gpu")).toBe("/p/lib/targets/gpu.js");
    expect(at(manifest, "./internal")).toBeUndefined();
    expect(at({ exports: { ".": { require: "./only.cjs" } } })).toBeUndefined();
  });
  it("falls back to main, then index.js", () => {
    expect(at({ main: "lib/m.js" })).toBe("/p/lib/m.js");
    expect(at({})).toBe("/p/index.js");
  });
});
