import { mkdtemp, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runConfigFilePath, writeGeneratedFile } from "./write.js";

const CONTENT = "# Written by computeflow. test\nx: 1\n";

describe("writeGeneratedFile refuses what a workflow may not write", () => {
  it("a path outside the project root, directly or through a symbolic link", async () => {
    const root = await mkdtemp(join(tmpdir(), "guard-root-"));
    const elsewhere = await mkdtemp(join(tmpdir(), "guard-elsewhere-"));
    await symlink(elsewhere, join(root, "link"));
    for (const path of ["../escape.yml", join(elsewhere, "abs.yml"), "link/through.yml"]) {
      await expect(writeGeneratedFile(runConfigFilePath(root, "s", path, ".runconfig", root), CONTENT)).rejects.toMatchObject({ code: "E_PATH_OUTSIDE_PROJECT" });
    }
  });

  it("an existing file without computeflow's header; its own files are replaced", async () => {
    const root = await mkdtemp(join(tmpdir(), "guard-root-"));
    await writeFile(join(root, "train.py"), "print(1)\n");
    await expect(writeGeneratedFile(runConfigFilePath(root, "s", "train.py", ".runconfig", root), CONTENT)).rejects.toMatchObject({ code: "E_FILE_NOT_OURS" });
    expect(await readFile(join(root, "train.py"), "utf8")).toBe("print(1)\n");
    const ours = runConfigFilePath(root, "s", "jobs/s.yml", ".runconfig", root);
    await writeGeneratedFile(ours, CONTENT);
    await writeGeneratedFile(ours, `${CONTENT}y: 2\n`);
    expect(await readFile(ours.absolutePath, "utf8")).toContain("y: 2");
  });
});
