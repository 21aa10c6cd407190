import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator, type RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { duplicateCreates, events, runCliTo, target, tempDir } from "./__fixtures__/engine-e2e.js";

const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../examples");
const SCALE = 0.01;
const STEPS = ["cpu-cluster", "instance", "attach-dsvm", "dsvm-run", "myhdi", "hdi-run", "mybatchcompute", "batch-step", "databricks", "databricks-step", "adla", "adla-step"];
/** Steps that send a write to Azure (their first `write` record is the intent of that PUT). */
const WRITERS = ["cpu-cluster", "instance", "attach-dsvm", "myhdi", "mybatchcompute", "databricks", "adla"];
/** SSH attaches: their pre-flight's findings are journaled (step_outputs) before the attach finishes. */
const SSH_ATTACHES = ["attach-dsvm", "myhdi"];

/**
 * Every step boundary of the walkthrough, each a journal record: a step started, its first
 * write about to be sent, its early outputs journaled, the step finished. The CLI kills itself
 * (COMPUTEFLOW_CRASH_AFTER) right after that record is on disk, so each case crashes at the same
 * place every time, whatever the machine's speed.
 */
const BOUNDARIES = [
  ...STEPS.map((s) => `step_started:${s}`),
  ...WRITERS.map((s) => `write:${s}`),
  ...SSH_ATTACHES.map((s) => `step_outputs:${s}`),
  ...STEPS.map((s) => `step_finished:${s}`),
];

type JournalLine = { type: string; step?: string; phase?: string };
function journal(dir: string): JournalLine[] {
  const runs = join(dir, ".computeflow", "runs");
  const [file] = readdirSync(runs).sort();
  return readFileSync(join(runs, file!), "utf8")
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as JournalLine);
}

// A few emulators, each reset to its initial world before a case; a case waits for a free
// one, so at most LANES runs go at once (more made the pre-flight's SSH handshakes time out on 2 cores).
const LANES = 2;
const idle: RunningEmulator[] = [];
const waiting: ((emu: RunningEmulator) => void)[] = [];
beforeAll(async () => {
  for (let i = 0; i < LANES; i++) idle.push(await startEmulator({ timeScale: SCALE }));
});
afterAll(() => Promise.all(idle.map((e) => e.close())));

async function withEmulator(use: (emu: RunningEmulator) => Promise<void>): Promise<void> {
  const emu = idle.pop() ?? (await new Promise<RunningEmulator>((resolve) => waiting.push(resolve)));
  try {
    emu.reset();
    await use(emu);
  } finally {
    const next = waiting.shift();
    if (next) next(emu);
    else idle.push(emu);
  }
}

describe.concurrent("examples/seed-walkthrough.yaml: SIGKILL at every step boundary, then run --resume (real CLI, standalone emulator)", { timeout: 300_000 }, () => {
  it.for(BOUNDARIES)("killed right after the journal record %s: the resume finishes green, creates nothing twice, and dsvm-run sees the VM's Docker", (boundary) => withEmulator(async (emu) => {
    const dir = tempDir("seed-kill");
    copyFileSync(join(EXAMPLES, "seed-walkthrough.yaml"), join(dir, "seed-walkthrough.yaml"));
    copyFileSync(join(EXAMPLES, "environment.yml"), join(dir, "environment.yml"));
    writeFileSync(join(dir, "train.py"), "print('train')\n");
    const { flags, env: base } = target(emu, dir, SCALE);
    const env = { ...base, ...emu.demoSecrets };

    const killed = await runCliTo(["run", "seed-walkthrough.yaml", "--json", ...flags], { cwd: dir, env: { ...env, COMPUTEFLOW_CRASH_AFTER: boundary } });
    expect(killed.signal, killed.stderr).toBe("SIGKILL");
    const [type, step] = boundary.split(":");
    // The crash is exactly at the boundary: it is the journal's last record, and no step failed before it.
    expect(journal(dir).at(-1)).toMatchObject({ type, step, ...(type === "write" ? { phase: "intent" } : {}) });
    expect(events(killed.stdout).filter((e) => e.type === "step_finished" && e.status !== "succeeded")).toEqual([]);

    const resumed = await runCliTo(["run", "seed-walkthrough.yaml", "--resume", "--json", ...flags], { cwd: dir, env });
    const ev = events(resumed.stdout);
    const finished = ev.filter((e) => e.type === "step_finished");
    expect(finished.filter((e) => e.status !== "succeeded" && e.status !== "noop"), resumed.stderr).toEqual([]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(ev.at(-1)).toMatchObject({ type: "run_finished", status: "succeeded" });
    expect(finished.map((e) => e.step).sort()).toEqual([...STEPS].sort());
    expect(finished.find((e) => e.step === "attach-dsvm")).toMatchObject({ outputs: { docker: expect.stringMatching(/^Docker version/) } });
    expect(finished.find((e) => e.step === "myhdi")).toMatchObject({ outputs: { docker: "" } });
    expect(ev.filter((e) => e.type === "step_log" && e.step === "dsvm-run" && e.level === "warn")).toEqual([]);
    expect(duplicateCreates(emu.requests())).toEqual([]);
  }));
});
