import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runConfigFilePath, writeGeneratedFile } from "./write.js";

describe("runConfigFilePath", () => {
  it("defaults to .azureml/<name>.runconfig beside the workflow", () => {
    expect(runConfigFilePath("/w", "dsvm-run")).toEqual({ path: ".azureml/dsvm-run.runconfig", absolutePath: "/w/.azureml/dsvm-run.runconfig", root: "/w" });
    expect(runConfigFilePath("/w", "x", "configs/a.runconfig").path).toBe("configs/a.runconfig");
  });
});

describe("writeGeneratedFile", () => {
  it("writes the file and leaves no temp file behind", async () => {
    const dir = await mkdtemp(join(tmpdir(), "runconfig-"));
    const file = runConfigFilePath(dir, "dsvm");
    await writeGeneratedFile(file, "target: dsvm\n", ["s3cret"]);
    expect(await readFile(file.absolutePath, "utf8")).toBe("target: dsvm\n");
    expect(await readdir(join(dir, ".azureml"))).toEqual(["dsvm.runconfig"]);
  });

  it("refuses to write content holding a secret", async () => {
    const dir = await mkdtemp(join(tmpdir(), "runconfig-"));
    const file = runConfigFilePath(dir, "dsvm");
    await expect(writeGeneratedFile(file, "password: s3cret\n", ["s3cret"])).rejects.toMatchObject({ code: "E_SECRET_IN_FILE" });
    await expect(readdir(dir)).resolves.toEqual([]);
  });
});
