import { chmod, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isComputeflowError } from "@computeflow/core";
import { createStepContext } from "@computeflow/core/testing";
import { configureRunAction } from "./plugin.js";

const originalPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = originalPath;
});

async function context(withValue: Record<string, unknown>, workflowDir: string) {
  return createStepContext({
    endpoint: "https://127.0.0.1:9",
    caCert: "",
    step: { id: "train-local", uses: "local", action: "configure-run" },
    with: withValue,
    workflowDir,
  }).ctx;
}

describe("local configure-run", () => {
  it("writes a v2 command job with compute: local, then is a no-op", async () => {
    const dir = await mkdtemp(join(tmpdir(), "local-run-"));
    const ctx = await context({ conda_file: "environment.yml", script: "train.py" }, dir);
    expect(await configureRunAction.plan!(ctx)).toMatchObject({ change: "write" });
    const first = await configureRunAction.apply(ctx);
    expect(first).toEqual({ outputs: { path: "jobs/train-local.yml", target: "local", docker_version: null }, files: ["jobs/train-local.yml"] });
    const text = await readFile(join(dir, "jobs/train-local.yml"), "utf8");
    expect(text).toMatch(/^compute: local$/m);
    expect(text).toContain("conda_file: ../environment.yml");
    expect(await configureRunAction.plan!(ctx)).toMatchObject({ change: "noop" });
    expect(await configureRunAction.apply(ctx)).toMatchObject({ changed: false, outputs: first.outputs });
  });

  it("writes a user-managed interpreter where the step says", async () => {
    const dir = await mkdtemp(join(tmpdir(), "local-run-"));
    const ctx = await context({ format: "v1", user_managed: true, interpreter_path: "/opt/py/bin/python", path: "configs/local.runconfig" }, dir);
    await configureRunAction.apply(ctx);
    const text = await readFile(join(dir, "configs/local.runconfig"), "utf8");
    expect(text).toContain("userManagedDependencies: true");
    expect(text).toContain("interpreterPath: /opt/py/bin/python");
  });

  it("uses Docker only when `docker --version` answers, and records the version", async () => {
    const dir = await mkdtemp(join(tmpdir(), "local-run-"));
    const bin = await mkdtemp(join(tmpdir(), "bin-"));
    await writeFile(join(bin, "docker"), "#!/bin/sh\necho 'Docker version 26.1.0, build abc'\n");
    await chmod(join(bin, "docker"), 0o755);
    process.env.PATH = `${bin}:/usr/bin:/bin`;
    const ctx = await context({ docker: { enabled: true }, script: "train.py" }, dir);
    const result = await configureRunAction.apply(ctx);
    expect(result.outputs?.docker_version).toBe("Docker version 26.1.0, build abc");
    expect(await readFile(join(dir, "jobs/train-local.yml"), "utf8")).toContain("image: mcr.microsoft.com/azureml/");
  });

  it("refuses Docker when it is not installed: plan blocks, run throws a coded error, no file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "local-run-"));
    process.env.PATH = await mkdtemp(join(tmpdir(), "empty-"));
    const ctx = await context({ docker: { enabled: true } }, dir);
    expect(await configureRunAction.plan!(ctx)).toMatchObject({ change: "blocked", code: "E_DOCKER_NOT_FOUND" });
    const error = await configureRunAction.apply(ctx).catch((e: unknown) => e);
    expect(isComputeflowError(error)).toBe(true);
    expect(error).toMatchObject({ code: "E_DOCKER_NOT_FOUND", hint: expect.stringMatching(/install Docker/) });
    await expect(readFile(join(dir, "jobs/train-local.yml"), "utf8")).rejects.toThrow();
  });
});
