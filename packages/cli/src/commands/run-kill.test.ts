import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearningservices";
import { startEmulator, type RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterWorkflow, duplicateCreates, events, runCliTo, startCli, target, tempDir } from "./__fixtures__/engine-e2e.js";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ timeScale: 0.1, ssh: false });
});
afterAll(() => emu.close());

async function computeStates(prefix: string): Promise<Record<string, string>> {
  const client = new AzureMachineLearningWorkspaces({ getToken: async () => ({ token: "t", expiresOnTimestamp: Date.now() + 3_600_000 }) }, "00000000-0000-0000-0000-000000000000", { endpoint: emu.endpoint, tlsOptions: { ca: emu.caCert } } as never);
  const states: Record<string, string> = {};
  for await (const c of client.computeOperations.list("ml-rg", "ml-ws")) if (c.name?.startsWith(prefix)) states[c.name] = c.properties?.provisioningState ?? "";
  return states;
}

describe("kill and resume", () => {
  it.each([1, 3, 6, 10, 15])("SIGKILL after %i events, then run --resume: nothing created twice, nothing orphaned", async (afterEvents) => {
    const prefix = `k${afterEvents}-`;
    const ids = Array.from({ length: 6 }, (_, i) => `${prefix}${i}`);
    const dir = tempDir("kill");
    writeFileSync(join(dir, "wf.yaml"), clusterWorkflow("kill", ids.map((id, i) => ({ id, ...(i >= 3 ? { needs: [ids[i - 3]!] } : {}) }))));
    const { flags, env } = target(emu, dir, 0.1);
    const cli = startCli(["run", "wf.yaml", "--json", ...flags], { cwd: dir, env });
    let seen = 0;
    await cli.waitForLine(() => ++seen >= afterEvents);
    cli.child.kill("SIGKILL");
    const killed = await cli.done;
    expect(killed.signal).toBe("SIGKILL");

    const resumed = await runCliTo(["run", "wf.yaml", "--resume", "--json", ...flags], { cwd: dir, env });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(events(resumed.stdout).at(-1)).toMatchObject({ type: "run_finished", status: "succeeded" });
    expect(duplicateCreates(emu.requests())).toEqual([]);
    const states = await computeStates(prefix);
    expect(Object.keys(states).sort()).toEqual(ids);
    expect(Object.values(states).every((s) => s === "Succeeded")).toBe(true);
  });

  it("SIGINT stops new work, says what still runs in Azure, and exits 130 promptly", async () => {
    const slow = await startEmulator({ timeScale: 1, ssh: false });
    try {
      const dir = tempDir("sigint");
      writeFileSync(join(dir, "wf.yaml"), clusterWorkflow("sigint", [{ id: "int-a" }, { id: "int-b", needs: ["int-a"] }]));
      const { flags, env } = target(slow, dir, 0.2);
      const cli = startCli(["run", "wf.yaml", "--json", ...flags], { cwd: dir, env });
      await cli.waitForLine((l) => l.includes('"step_started"'));
      await new Promise((r) => setTimeout(r, 300));
      const t0 = Date.now();
      cli.child.kill("SIGINT");
      const result = await cli.done;
      // a create here takes minutes (time scale 1): 15 s tells "stopped" from "waited", even on loaded CI cores
      expect(Date.now() - t0).toBeLessThan(15_000);
      expect(result.code).toBe(130);
      expect(result.stderr).toContain("hint: continue later with `computeflow run wf.yaml --resume`");
      const ev = events(result.stdout);
      expect(ev.find((e) => e.type === "interrupted")).toMatchObject({ inFlight: [{ step: "int-a" }] });
      expect(ev.at(-1)).toMatchObject({ type: "run_finished", status: "interrupted" });
      expect(slow.requests().some((r) => r.path.includes("/computes/int-b"))).toBe(false);

      const again = startCli(["run", "wf.yaml", "--json", ...flags], { cwd: dir, env });
      await again.waitForLine((l) => l.includes('"step_started"'));
      again.child.kill("SIGINT");
      await new Promise((r) => setTimeout(r, 20));
      again.child.kill("SIGINT");
      expect((await again.done).code).toBe(130);
    } finally {
      await slow.close();
    }
  });
});
