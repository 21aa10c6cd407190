import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { defaultWorld, startEmulator, type RequestLogEntry, type RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterWorkflow, createdComputes, duplicateCreates, events, runCliTo, startCli, target, tempDir } from "./__fixtures__/engine-e2e.js";

const deploymentPuts = (log: RequestLogEntry[]) => log.filter((r) => r.operation === "deployments.createOrUpdate");

describe("run --engine arm under 30% faults", () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ timeScale: 0.05, ssh: false, faults: "rate=0.3,seed=11,kinds=429+500+503+reset,retry_after=4" });
  });
  afterAll(() => emu.close());

  it("the deployment of 20 clusters completes, each compute created once, one deployment accepted", async () => {
    const dir = tempDir("arm-faults");
    const ids = Array.from({ length: 20 }, (_, i) => `arf-${String(i).padStart(2, "0")}`);
    writeFileSync(join(dir, "wf.yaml"), clusterWorkflow("arm-faults", ids.map((id, i) => ({ id, ...(i >= 10 ? { needs: [ids[i - 10]!] } : {}) })), [ids[0]!]));
    const { flags, env } = target(emu, dir, 0.05);
    const result = await runCliTo(["run", "wf.yaml", "--json", "--engine", "arm", ...flags], { cwd: dir, env });
    expect(result.code, result.stderr).toBe(0);
    expect(events(result.stdout).at(-1)).toMatchObject({ type: "run_finished", status: "succeeded" });
    const log = emu.requests();
    // the client's own requests met faults (fewer since reads are shared per run, so no fixed count)
    expect(log.filter((r) => r.fault && !r.via).length).toBeGreaterThan(0);
    expect(duplicateCreates(log)).toEqual([]);
    expect(createdComputes(log).sort()).toEqual(ids);
    expect(log.filter((r) => r.operation === "computes.createOrUpdate").every((r) => r.via === "deployment:computeflow-arm-faults")).toBe(true);
    expect(deploymentPuts(log).filter((r) => r.status < 300)).toHaveLength(1);
  }, 120_000);
});

describe("run --engine arm: kill, interrupt, resume", () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    // Clusters take 60 world seconds (12 s here), so a deployment is still running when the next run starts.
    emu = await startEmulator({ timeScale: 0.2, ssh: false, world: { ...defaultWorld(), create_durations: { AmlCompute: 60 } } });
  });
  afterAll(() => emu.close());

  it("SIGKILL once the deployment is submitted, then --resume: follows it, submits no second deployment, creates nothing twice", async () => {
    const dir = tempDir("arm-kill");
    const ids = ["ark-a", "ark-b", "ark-c"];
    writeFileSync(join(dir, "wf.yaml"), clusterWorkflow("arm-kill", ids.map((id, i) => ({ id, ...(i > 0 ? { needs: [ids[i - 1]!] } : {}) }))));
    const { flags, env } = target(emu, dir, 0.2);
    const cli = startCli(["run", "wf.yaml", "--json", "--engine", "arm", ...flags], { cwd: dir, env });
    await cli.waitForLine((l) => l.includes("submitted ARM deployment"));
    cli.child.kill("SIGKILL");
    expect((await cli.done).signal).toBe("SIGKILL");
    expect(deploymentPuts(emu.requests())).toHaveLength(1);
    expect(createdComputes(emu.requests())).not.toEqual(expect.arrayContaining(ids));

    const resumed = await runCliTo(["run", "wf.yaml", "--resume", "--json", "--engine", "arm", ...flags], { cwd: dir, env });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain("is still running (an earlier run started it): following it instead of submitting another");
    const finished = events(resumed.stdout).filter((e) => e.type === "step_finished");
    // a compute the deployment had already finished when this run looked is "noop"; the rest were still being deployed
    expect(finished.map((e) => e.step)).toEqual(ids);
    expect(finished.every((e) => e.status === "succeeded" || e.status === "noop")).toBe(true);
    expect(finished.at(-1)!.status).toBe("succeeded");
    expect(finished.every((e) => (e.outputs as { name?: string }).name === e.step)).toBe(true);
    expect(deploymentPuts(emu.requests())).toHaveLength(1);
    expect(duplicateCreates(emu.requests())).toEqual([]);
    expect(createdComputes(emu.requests()).filter((c) => ids.includes(c)).sort()).toEqual(ids);
  }, 120_000);

  it("SIGINT leaves the deployment running and says how to follow it; a new run (no --resume) finds it before submitting", async () => {
    const dir = tempDir("arm-int");
    const ids = ["ari-a", "ari-b"];
    writeFileSync(join(dir, "wf.yaml"), clusterWorkflow("arm-int", ids.map((id, i) => ({ id, ...(i > 0 ? { needs: [ids[i - 1]!] } : {}) }))));
    const { flags, env } = target(emu, dir, 0.2);
    const cli = startCli(["run", "wf.yaml", "--json", "--engine", "arm", ...flags], { cwd: dir, env });
    await cli.waitForLine((l) => l.includes("submitted ARM deployment"));
    cli.child.kill("SIGINT");
    const interrupted = await cli.done;
    expect(interrupted.code).toBe(130);
    expect(events(interrupted.stdout).find((e) => e.type === "interrupted")).toMatchObject({ inFlight: [{ operation: expect.stringContaining("ARM deployment computeflow-arm-int") }] });
    expect(interrupted.stderr).toContain("the ARM deployment keeps running in Azure; follow it with: computeflow run wf.yaml --engine arm --resume");

    const again = await runCliTo(["run", "wf.yaml", "--json", "--engine", "arm", ...flags], { cwd: dir, env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("following it instead of submitting another");
    expect(deploymentPuts(emu.requests()).filter((r) => r.path.includes("computeflow-arm-int"))).toHaveLength(1);
  }, 120_000);

  it("a resource that fails fails its step with ARM's error; its dependent is skipped, nothing else is sent for them", async () => {
    const dir = tempDir("arm-fail");
    writeFileSync(join(dir, "wf.yaml"), clusterWorkflow("arm-fail", [{ id: "arx-ok" }, { id: "arx-bad" }, { id: "arx-after", needs: ["arx-bad"] }]));
    emu.setFaults("kinds=fail,count=1,match=/computes/arx-bad");
    try {
      const { flags, env } = target(emu, dir, 0.2);
      const result = await runCliTo(["run", "wf.yaml", "--json", "--engine", "arm", ...flags], { cwd: dir, env });
      expect(result.code).toBe(1);
      const finished = Object.fromEntries(events(result.stdout).filter((e) => e.type === "step_finished").map((e) => [e.step, e]));
      expect(finished["arx-bad"]).toMatchObject({ status: "failed", error: { code: "E_PROVISIONING_FAILED", message: expect.stringContaining("arx-bad"), arm: [{ code: "InternalServerError" }] } });
      expect(finished["arx-after"]).toMatchObject({ status: "skipped" });
      expect(finished["arx-ok"]).toMatchObject({ status: "succeeded" });
      expect(emu.requests().some((r) => r.method === "PUT" && r.path.includes("/computes/arx-after"))).toBe(false);
    } finally {
      emu.setFaults(undefined);
    }
  }, 120_000);
});
