import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { startEmulator, type RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allFilesText, clusterWorkflow, duplicateCreates, events, runCliTo, target, tempDir } from "./__fixtures__/engine-e2e.js";

const SCALE = 0.05;
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ timeScale: SCALE, ssh: false });
});
afterAll(() => emu.close());

const armWrites = (): number => emu.requests().filter((r) => r.method !== "GET" && !r.path.startsWith("/_emulator") && !r.path.includes("/oauth2/")).length;

describe("computeflow run (real CLI against the emulator)", () => {
  it("runs a multi-step workflow, then a second run changes nothing and says so; a canary secret never leaks", async () => {
    const dir = tempDir("run");
    const canary = "Canary-Pa55word-7c1e9b";
    writeFileSync(join(dir, "train.py"), "print('hi')\n");
    writeFileSync(
      join(dir, "wf.yaml"),
      clusterWorkflow("multi", [{ id: "run-a", maxNodes: 2, password: "CF_CANARY" }, { id: "run-b" }, { id: "run-c", needs: ["run-a"] }], ["run-a", "run-c"]),
    );
    const { flags, env } = target(emu, dir, SCALE);
    const opts = { cwd: dir, env: { ...env, CF_CANARY: canary } };

    const first = await runCliTo(["run", "wf.yaml", "--json", ...flags], opts);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const ev = events(first.stdout);
    expect(ev.at(-1)).toMatchObject({ type: "run_finished", status: "succeeded", steps: { "run-a": "succeeded", "run-b": "succeeded", "run-c": "succeeded", "run-a-run": "succeeded", "run-c-run": "succeeded" } });
    const started = ev.filter((e) => e.type === "step_started").map((e) => e.step);
    expect(started.indexOf("run-c")).toBeGreaterThan(started.indexOf("run-a"));
    expect(ev.find((e) => e.type === "step_finished" && e.step === "run-a")).toMatchObject({ outputs: { name: "run-a", max_nodes: 2 } });

    const writesBefore = armWrites();
    const second = await runCliTo(["run", "wf.yaml", ...flags], opts);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/run-a\s+noop/);
    expect(second.stdout).toMatch(/run-c\s+noop/);
    expect(armWrites()).toBe(writesBefore);
    expect(duplicateCreates(emu.requests())).toEqual([]);

    writeFileSync(join(dir, "clusters.yaml"), clusterWorkflow("multi", [{ id: "run-a", maxNodes: 2, password: "CF_CANARY" }, { id: "run-b" }, { id: "run-c", needs: ["run-a"] }]));
    const third = await runCliTo(["run", "clusters.yaml", ...flags], opts);
    expect(third.code).toBe(0);
    expect(third.stdout).toMatch(/run succeeded in .*: 3 noop \(nothing changed\)/);

    const everything = first.stdout + first.stderr + second.stdout + second.stderr + third.stdout + third.stderr + allFilesText(dir);
    expect(everything).not.toContain(canary);
    expect(existsSync(join(dir, ".computeflow", ".gitignore"))).toBe(true);
    const put = emu.requests().find((r) => r.method === "PUT" && r.path.includes("/computes/run-a"));
    expect(JSON.stringify(put?.body)).toContain(canary);
  });

  it("fails with exit 1, skips dependents and reports ARM's error at the step's line", async () => {
    const dir = tempDir("run-fail");
    writeFileSync(join(dir, "wf.yaml"), clusterWorkflow("failing", [{ id: "too-big", maxNodes: 5000 }, { id: "after-big", needs: ["too-big"] }, { id: "independent" }]));
    const { flags, env } = target(emu, dir, SCALE);
    const summary = join(dir, "job-summary.md");
    const result = await runCliTo(["run", "wf.yaml", ...flags], { cwd: dir, env: { ...env, GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: summary } });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^::error file=wf\.yaml,line=\d+,col=\d+,title=E_QUOTA in too-big::blocked: /m);
    expect(readFileSync(summary, "utf8")).toMatch(/\| too-big \| failed \|/);
    expect(result.stdout).toMatch(/too-big\s+failed/);
    expect(result.stdout).toMatch(/after-big\s+skipped/);
    expect(result.stdout).toMatch(/independent\s+succeeded/);
    expect(result.stdout).toMatch(/wf\.yaml:\d+:\d+: error\[E_[A-Z_]+\]: step too-big/);
  });

  it("reports a provisioning failure with ARM's code and message", async () => {
    const dir = tempDir("run-pf");
    writeFileSync(join(dir, "wf.yaml"), clusterWorkflow("pf", [{ id: "pf-a" }]));
    const { flags, env } = target(emu, dir, SCALE);
    emu.setFaults("count=1,kinds=fail,methods=PUT,match=computes/pf-a");
    try {
      const result = await runCliTo(["run", "wf.yaml", "--json", ...flags], { cwd: dir, env });
      expect(result.code, result.stderr).toBe(1);
      const failed = events(result.stdout).find((e) => e.type === "step_finished" && e.step === "pf-a");
      expect(failed).toMatchObject({ status: "failed", error: { code: "E_PROVISIONING_FAILED", arm: [expect.objectContaining({ code: expect.any(String), message: expect.stringContaining("pf-a") })] } });
    } finally {
      emu.setFaults(undefined);
    }
  });

  it("refuses bad input with exit 2 and sends nothing", async () => {
    const dir = tempDir("run-bad");
    writeFileSync(join(dir, "wf.yaml"), clusterWorkflow("bad", [{ id: "x", maxNodes: -1 }]));
    const { flags, env } = target(emu, dir, SCALE);
    const before = emu.requests().length;
    const result = await runCliTo(["run", "wf.yaml", ...flags], { cwd: dir, env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/wf\.yaml:\d+:\d+: error\[E_SCHEMA\]/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(emu.requests().length).toBe(before);
    const usage = await runCliTo(["run", "wf.yaml", "--emulator-endpoint", emu.endpoint], { cwd: dir, env });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("--ca-cert");
    const cloud = await runCliTo(["plan", "wf.yaml", "--cloud", "Moon"], { cwd: dir, env });
    expect(cloud.code).toBe(2);
    expect(cloud.stderr).toContain("error[E_USAGE]: unknown cloud");
    expect(cloud.stderr).toContain("AzureUSGovernment");
  });
});

describe("computeflow run signing in as a service principal", () => {
  it("takes the real DefaultAzureCredential path against the emulator's token routes", async () => {
    const dir = tempDir("sp");
    writeFileSync(join(dir, "wf.yaml"), clusterWorkflow("sp", [{ id: "sp-a" }]));
    const { flags, env } = target(emu, dir, SCALE);
    const sp = { AZURE_TENANT_ID: "72f988bf-0000-0000-0000-000000000000", AZURE_CLIENT_ID: "0a1b2c3d-0000-0000-0000-000000000000", AZURE_CLIENT_SECRET: "sp-secret-canary-91f2" };
    const tokensBefore = emu.requests().filter((r) => r.path.includes("/oauth2/v2.0/token")).length;
    const result = await runCliTo(["run", "wf.yaml", "--json", ...flags], { cwd: dir, env: { ...env, ...sp } });
    expect(result.code, result.stderr).toBe(0);
    expect(emu.requests().filter((r) => r.path.includes(`/${sp.AZURE_TENANT_ID}/oauth2/v2.0/token`)).length).toBeGreaterThan(tokensBefore);
    expect(result.stdout + result.stderr).not.toContain(sp.AZURE_CLIENT_SECRET);
  });
});

describe("computeflow run --emulator", () => {
  it("runs the README's first example on an embedded emulator with nothing configured", async () => {
    const dir = tempDir("embedded");
    const example = fileURLToPath(new URL("../../../../examples/first-workflow.yaml", import.meta.url));
    copyFileSync(example, join(dir, "first-workflow.yaml"));
    writeFileSync(join(dir, "train.py"), "\n");
    const result = await runCliTo(["run", "first-workflow.yaml", "--emulator"], { cwd: dir, env: { AZURE_SUBSCRIPTION_ID: "" } });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/cpu-cluster\s+succeeded\s+create/);
    // It says the world is thrown away, and how to keep one between runs.
    expect(result.stderr).toContain("emulator: a fresh world for this run, gone when it ends");
    expect(result.stderr).toContain("start `computeflow emulator` and pass the endpoint and ca_cert it prints: --emulator-endpoint URL --ca-cert PATH");
  });
});
