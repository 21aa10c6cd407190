import { copyFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator } from "@computeflow/emulator";
import { describe, expect, it } from "vitest";
import { duplicateCreates, events, runCliTo, startCli, target, tempDir } from "./__fixtures__/engine-e2e.js";

const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../examples");
const SCALE = 0.01;
const STEPS = 12;

/** Boundary n: right after the n-th step_started (during that step), or the n-th step_finished (between steps). */
const boundaries = [...Array.from({ length: STEPS }, (_, i) => ["step_started", i + 1] as const), ...Array.from({ length: STEPS }, (_, i) => ["step_finished", i + 1] as const)];

describe.concurrent("examples/seed-walkthrough.yaml: SIGKILL at every step boundary, then run --resume (real CLI, standalone emulator)", { timeout: 300_000 }, () => {
  it.for(boundaries)("killed after %s #%i: the resume finishes green, creates nothing twice, and dsvm-run sees the VM's Docker", async ([type, n]) => {
    const emu = await startEmulator({ timeScale: SCALE });
    try {
      const dir = tempDir("seed-kill");
      copyFileSync(join(EXAMPLES, "seed-walkthrough.yaml"), join(dir, "seed-walkthrough.yaml"));
      copyFileSync(join(EXAMPLES, "environment.yml"), join(dir, "environment.yml"));
      writeFileSync(join(dir, "train.py"), "print('train')\n");
      const { flags, env: base } = target(emu, dir, SCALE);
      const env = { ...base, ...emu.demoSecrets };
      const cli = startCli(["run", "seed-walkthrough.yaml", "--json", ...flags], { cwd: dir, env });
      let seen = 0;
      // A step that fails or is skipped leaves fewer boundaries: the run may end before the n-th.
      const reached = await cli.waitForLine((line) => line.includes(`"type":"${type}"`) && ++seen >= n, 120_000).then(
        () => true,
        () => false,
      );
      if (reached) cli.child.kill("SIGKILL");
      const killed = await cli.done;
      expect(killed.signal === "SIGKILL" || !reached, killed.stderr).toBe(true);

      const resumed = await runCliTo(["run", "seed-walkthrough.yaml", "--resume", "--json", ...flags], { cwd: dir, env });
      const ev = events(resumed.stdout);
      const failed = ev.filter((e) => e.type === "step_finished" && e.status !== "succeeded" && e.status !== "noop");
      expect(failed, resumed.stderr).toEqual([]);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(ev.at(-1)).toMatchObject({ type: "run_finished", status: "succeeded" });
      expect(ev.filter((e) => e.type === "step_finished").map((e) => e.step).sort()).toHaveLength(STEPS);
      expect(duplicateCreates(emu.requests())).toEqual([]);
    } finally {
      await emu.close();
    }
  });
});
