import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { startEmulator, type RunningEmulator } from "@computeflow/emulator";
import { afterEach, describe, expect, it } from "vitest";
import { duplicateCreates, events, runCliTo, startCli, target, tempDir } from "./__fixtures__/engine-e2e.js";

const SCALE = 0.01;

/** The seed walkthrough's remote VM and its Docker run configuration. */
const WORKFLOW = `version: 1
name: vm-resume
workspace:
  subscription_id: \${{ env.AZURE_SUBSCRIPTION_ID }}
  resource_group: ml-rg
  name: ml-ws
steps:
  attach-dsvm:
    uses: remote-vm
    action: attach
    with:
      resource_id: /subscriptions/\${{ env.AZURE_SUBSCRIPTION_ID }}/resourceGroups/ml-rg/providers/Microsoft.Compute/virtualMachines/dsvm
      ssh_port: 22
      username: azureuser
      password: \${{ secrets.AML_VM_PASSWORD }}
      require_docker: true
  dsvm-run:
    uses: remote-vm
    action: configure-run
    with:
      compute: \${{ steps.attach-dsvm.outputs.name }}
      script: train.py
      framework: python
      docker:
        enabled: true
        base_image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04
`;

type Record_ = Record<string, unknown>;
const journal = (dir: string, index: number): Record_[] => {
  const runs = join(dir, ".computeflow", "runs");
  const file = existsSync(runs) ? readdirSync(runs).sort()[index] : undefined;
  if (!file) return [];
  return readFileSync(join(runs, file), "utf8")
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record_);
};

async function until(condition: () => boolean, what: string, capMs = 120_000): Promise<void> {
  for (const end = Date.now() + capMs; !condition(); await new Promise((r) => setTimeout(r, 25))) if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

/** An emulator whose clock stands still while `frozen` is set: an attach it accepts stays Creating until then. */
async function emulatorWithClock(): Promise<{ emu: RunningEmulator; release(): void }> {
  let frozen: number | undefined = Date.now();
  emu = await startEmulator({ timeScale: SCALE, clock: () => frozen ?? Date.now() + 3_600_000 });
  return { emu, release: () => (frozen = undefined) };
}

function project(e: RunningEmulator) {
  const dir = tempDir("resume-outputs");
  writeFileSync(join(dir, "wf.yaml"), WORKFLOW);
  writeFileSync(join(dir, "train.py"), "print('train')\n");
  const { flags, env } = target(e, dir, SCALE);
  return { dir, flags, env: { ...env, ...e.demoSecrets } };
}

describe("resume is exact: an output is journaled when produced, or the step runs again (real CLI, standalone emulator)", { timeout: 300_000 }, () => {
  it("the attach's Docker finding is journaled before the attach finishes; killed then, the resume uses it even when the VM no longer answers SSH", async () => {
    const { emu: e, release } = await emulatorWithClock();
    const { dir, flags, env } = project(e);
    const cli = startCli(["run", "wf.yaml", "--json", ...flags], { cwd: dir, env });
    // The boundary is a journal record, not a moment: the attach stays Creating while the clock stands still.
    await until(() => journal(dir, 0).some((r) => r.type === "step_outputs" && r.step === "attach-dsvm"), "the attach's step_outputs record");
    cli.child.kill("SIGKILL");
    expect((await cli.done).signal).toBe("SIGKILL");
    const first = journal(dir, 0);
    expect(first.find((r) => r.type === "step_outputs")).toMatchObject({ step: "attach-dsvm", outputs: { docker: expect.stringMatching(/^Docker version/) } });
    expect(first.some((r) => r.type === "step_finished")).toBe(false);

    // Between the runs the VM stops answering SSH, so the resumed attach's pre-flight cannot tell.
    const dead = await closedPort();
    for (const key of Object.keys(e.sshEndpoints)) e.sshEndpoints[key] = `127.0.0.1:${dead}`;
    release();
    const resumed = await runCliTo(["run", "wf.yaml", "--resume", "--json", ...flags], { cwd: dir, env });
    expect(resumed.code, resumed.stderr).toBe(0);
    const ev = events(resumed.stdout);
    expect(ev.find((x) => x.type === "step_planned" && x.step === "attach-dsvm")).toMatchObject({ notes: expect.arrayContaining([expect.stringContaining("SSH pre-flight now fails")]) });
    expect(ev.find((x) => x.type === "step_log" && x.step === "attach-dsvm")).toMatchObject({ message: "docker: not known now, taken from the journal of the resumed run" });
    // The clock moved on an hour: the attach finished server-side, so the resumed step changes nothing.
    expect(ev.find((x) => x.type === "step_finished" && x.step === "attach-dsvm")).toMatchObject({ status: "noop", outputs: { name: "attach-dsvm", docker: expect.stringMatching(/^Docker version/) } });
    expect(ev.find((x) => x.type === "step_finished" && x.step === "dsvm-run")).toMatchObject({ status: "succeeded" });
    expect(ev.filter((x) => x.type === "step_log" && x.level === "warn")).toEqual([]);
    expect(duplicateCreates(e.requests())).toEqual([]);
  });

  it("a journal that records the attach as done but lacks an output dsvm-run reads: the attach runs again (a warning says why), never an empty value", async () => {
    const { emu: e, release } = await emulatorWithClock();
    release();
    const { dir, flags, env } = project(e);
    const full = await runCliTo(["run", "wf.yaml", "--json", ...flags], { cwd: dir, env });
    expect(full.code, full.stderr).toBe(0);
    // The journal as an older computeflow, whose attach published no `name`, would have left it when killed after the attach.
    const runs = join(dir, ".computeflow", "runs");
    const file = join(runs, readdirSync(runs)[0]!);
    const records = journal(dir, 0);
    const attached = records.findIndex((r) => r.type === "step_finished" && r.step === "attach-dsvm");
    const kept = records.slice(0, attached + 1).filter((r) => !(r.type === "step_started" && r.step === "dsvm-run"));
    const { name: _name, ...withoutName } = kept[attached]!.outputs as Record_;
    kept[attached] = { ...kept[attached]!, outputs: withoutName };
    writeFileSync(file, kept.map((r) => JSON.stringify(r)).join("\n") + "\n");

    const resumed = await runCliTo(["run", "wf.yaml", "--resume", "--json", ...flags], { cwd: dir, env });
    expect(resumed.code, resumed.stderr).toBe(0);
    const ev = events(resumed.stdout);
    expect(ev.find((x) => x.type === "run_warning")).toMatchObject({ message: expect.stringMatching(/^step attach-dsvm runs again: the journal of run \S+ lacks its output name \(read by dsvm-run\)$/) });
    const attach = ev.find((x) => x.type === "step_finished" && x.step === "attach-dsvm");
    expect(attach).toMatchObject({ status: "noop", outputs: { name: "attach-dsvm" } });
    expect(attach).not.toHaveProperty("resumed");
    // The job file the first run wrote is up to date: noop, with its outputs.
    expect(ev.find((x) => x.type === "step_finished" && x.step === "dsvm-run")).toMatchObject({ status: "noop", outputs: { path: "jobs/dsvm-run.yml" } });
    expect(duplicateCreates(e.requests())).toEqual([]);
  });
});
