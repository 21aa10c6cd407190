import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolvePlugin } from "./resolve-plugin.js";

// A plugin meant as a file but written without ./ must be named as that file, with the fix,
// not as an npm package to install.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cf-uses-path-"));
  await mkdir(join(dir, "plugins"));
  await writeFile(join(dir, "plugins", "hello.js"), "export default {};\n");
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const failure = (uses: string) => {
  try {
    resolvePlugin(uses, join(dir, "wf.yaml"));
  } catch (e) {
    return e as { code: string; message: string; hint?: string };
  }
  throw new Error(`${uses} resolved`);
};

describe("uses: that names a file without ./", () => {
  it("an existing file: says to write ./, no npm hint", () => {
    const e = failure("plugins/hello.js");
    expect(e.code).toBe("E_UNKNOWN_PLUGIN");
    expect(e.message).toContain(`unknown plugin "plugins/hello.js": a local plugin path starts with ./ or ../`);
    expect(e.message).not.toContain("package plugins");
    expect(e.hint).toBe("write `uses: ./plugins/hello.js`");
  });

  it.each(["plugins/missing.js", "C:/x/y.js", "tools\\\\x.js"])("%s: a path that does not exist, no npm hint", (uses) => {
    const e = failure(uses);
    expect(e.message).toContain("looks like a file path");
    expect(e.hint).not.toContain("npm i");
  });

  it("a package name still gets the npm i -D hint", () => {
    expect(failure("@contoso/computeflow-x").hint).toBe("npm i -D @contoso/computeflow-x");
  });
});
