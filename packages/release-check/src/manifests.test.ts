import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { exportTargets, packPath } from "./exports-targets.js";
import { npmPack, publishablePackages, readManifest, repoRoot, type PackResult } from "./workspace-packages.js";

const packages = publishablePackages();
const root = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { engines: { node: string } };
const repositoryUrl = "git+https://github.com/computeflow/computeflow.git";
let packed: Map<string, Set<string>>;

beforeAll(async () => {
  const results: PackResult[] = await npmPack(packages);
  packed = new Map(results.map((r) => [r.name, new Set(r.files.map((f) => f.path))]));
}, 120_000);

describe("what every publishable package declares and ships", () => {
  it("finds the packages (core, the CLI, the emulator and the built-in plugins)", () => {
    const names = packages.map((p) => p.manifest.name);
    expect(names).toEqual(expect.arrayContaining(["@computeflow/core", "computeflow", "@computeflow/emulator", "@computeflow/plugin-amlcompute"]));
  });

  it.each(packages.map((p) => [p.manifest.name, p] as const))("%s: repository, license, engines", (_name, { dir, manifest }) => {
    expect(manifest.repository).toEqual({ type: "git", url: repositoryUrl, directory: dir });
    expect(manifest.license).toBe("MIT");
    expect(existsSync(join(repoRoot, dir, "LICENSE"))).toBe(true);
    expect(manifest.engines?.node).toBe(root.engines.node);
  });

  it.each(packages.map((p) => [p.manifest.name, p] as const))("%s: the tarball has README, LICENSE, every exports target, types and bin", (name, { manifest }) => {
    const files = packed.get(name)!;
    expect(files.has("README.md")).toBe(true);
    expect(files.has("LICENSE")).toBe(true);
    const unshipped = exportTargets(manifest.exports ?? {}).filter(({ target }) => !files.has(packPath(target)));
    expect(unshipped).toEqual([]);
    if (manifest.exports?.["."]) {
      expect(manifest.types).toBe((manifest.exports["."] as { types?: string }).types);
      expect(files.has(packPath(manifest.types!))).toBe(true);
    }
    for (const bin of Object.values(manifest.bin ?? {})) expect(files.has(packPath(bin))).toBe(true);
    expect([...files].filter((f) => /\.test\.|__fixtures__/.test(f))).toEqual([]);
  });

  it.each(packages.filter((p) => isPluginOrKit(p.manifest.name)).map((p) => [p.manifest.name, p] as const))(
    "%s: takes @computeflow/core as a peer dependency, as docs/plugins.md tells third parties",
    (_name, { manifest }) => {
      expect(manifest.dependencies?.["@computeflow/core"]).toBeUndefined();
      expect(manifest.peerDependencies?.["@computeflow/core"]).toBe(`${readManifest("packages/core").version.replace(/\.\d+$/, "")}.x`);
    },
  );

  it("internal dependencies name the version in the tree", () => {
    const versions = new Map(packages.map((p) => [p.manifest.name, p.manifest.version]));
    const wrong = packages.flatMap(({ manifest }) =>
      Object.entries(manifest.dependencies ?? {})
        .filter(([dep, range]) => versions.has(dep) && range.replace(/^\^/, "") !== versions.get(dep))
        .map(([dep, range]) => `${manifest.name} -> ${dep}@${range}`),
    );
    expect(wrong).toEqual([]);
  });
});

function isPluginOrKit(name: string): boolean {
  return /^@computeflow\/(plugin-.+|.+-kit)$/.test(name);
}
