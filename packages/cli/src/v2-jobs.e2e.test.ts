import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCliTo, tempDir } from "./commands/__fixtures__/engine-e2e.js";

const example = (file: string) => fileURLToPath(new URL(`../../../examples/${file}`, import.meta.url));

function copyExample(): string {
  const dir = tempDir("v2-jobs");
  for (const f of ["v2-jobs.yaml", "environment.yml"]) copyFileSync(example(f), join(dir, f));
  return dir;
}

describe("examples/v2-jobs.yaml through the real CLI (child process)", () => {
  it("runs green with --emulator and leaves a v2 command job per compute", async () => {
    const dir = copyExample();
    const result = await runCliTo(["run", "v2-jobs.yaml", "--emulator"], { cwd: dir, env: { AZURE_SUBSCRIPTION_ID: "" } });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/notebook-v2\s+succeeded\s+create/);
    expect(readFileSync(join(dir, "jobs/train-on-cluster.yml"), "utf8")).toContain("$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json");
    expect(readFileSync(join(dir, "jobs/train-on-instance.yml"), "utf8")).toContain("compute: azureml:notebook-v2");
  });

  it("export --format az-ml -o DIR writes one az ml compute file per compute, and never overwrites a file it did not write", async () => {
    const dir = copyExample();
    const out = join(dir, "compute");
    const first = await runCliTo(["export", "v2-jobs.yaml", "--format", "az-ml", "-o", "compute"], { cwd: dir, env: { AZURE_SUBSCRIPTION_ID: "" } });
    expect(first.code, first.stderr).toBe(0);
    expect(readFileSync(join(out, "cpu-cluster.yml"), "utf8")).toContain("idle_time_before_scale_down: 600");
    expect(readFileSync(join(out, "notebook-v2.yml"), "utf8")).toContain("idle_time_before_shutdown_minutes: 60");
    expect((await runCliTo(["export", "v2-jobs.yaml", "--format", "az-ml", "-o", "compute"], { cwd: dir, env: { AZURE_SUBSCRIPTION_ID: "" } })).code).toBe(0);
    writeFileSync(join(out, "notebook-v2.yml"), "mine\n");
    const refused = await runCliTo(["export", "v2-jobs.yaml", "--format", "az-ml", "-o", "compute"], { cwd: dir, env: { AZURE_SUBSCRIPTION_ID: "" } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("error[E_FILE_EXISTS]");
    expect(readFileSync(join(out, "notebook-v2.yml"), "utf8")).toBe("mine\n");
    const stdout = await runCliTo(["export", "v2-jobs.yaml", "--format", "az-ml"], { cwd: dir, env: { AZURE_SUBSCRIPTION_ID: "" } });
    expect(stdout.stdout.split("---\n")).toHaveLength(2);
    expect(existsSync(join(dir, "compute", "train-on-cluster.yml"))).toBe(false);
  });
});
