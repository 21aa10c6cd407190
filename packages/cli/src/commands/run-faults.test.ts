import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { startEmulator, type RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterWorkflow, createdComputes, duplicateCreates, events, runCliTo, target, tempDir } from "./__fixtures__/engine-e2e.js";

const SCALE = 0.05;
const RETRY_AFTER_S = 6;
/** Arrival times are stamped by an emulator sharing this busy process; requests already on the wire may land this late. */
const IN_FLIGHT_MS = 60;
const RETRY_AFTER_MS = RETRY_AFTER_S * 1000 * SCALE;
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ timeScale: SCALE, ssh: false, faults: `rate=0.3,seed=5,kinds=429+500+503+reset,retry_after=${RETRY_AFTER_S}` });
});
afterAll(() => emu.close());

describe("computeflow run under 30% faults", () => {
  it("finishes a 20-step workflow with zero duplicate creates and no request before a Retry-After expired", async () => {
    const dir = tempDir("faults");
    const ids = Array.from({ length: 20 }, (_, i) => `flt-${String(i).padStart(2, "0")}`);
    writeFileSync(join(dir, "wf.yaml"), clusterWorkflow("faults", ids.map((id, i) => ({ id, ...(i >= 10 ? { needs: [ids[i - 10]!] } : {}) }))));
    const { flags, env } = target(emu, dir, SCALE);
    const result = await runCliTo(["run", "wf.yaml", "--json", ...flags], { cwd: dir, env });
    expect(result.code, result.stderr).toBe(0);
    expect(events(result.stdout).at(-1)).toMatchObject({ type: "run_finished", status: "succeeded" });

    const log = emu.requests().filter((r) => !r.path.startsWith("/_emulator") && !r.path.includes("/oauth2/"));
    expect(log.filter((r) => r.fault).length).toBeGreaterThan(10);
    expect(duplicateCreates(log)).toEqual([]);
    expect(createdComputes(log).sort()).toEqual(ids);

    const violations: string[] = [];
    for (const r of log.filter((e) => e.status === 429 || (e.status === 503 && e.fault))) {
      const t = Date.parse(r.time);
      // a request that arrived after the throttle response had time to reach the client, but before Retry-After ended
      const early = log.filter((o) => Date.parse(o.time) > t + IN_FLIGHT_MS && Date.parse(o.time) < t + RETRY_AFTER_MS - 5);
      for (const o of early) violations.push(`${o.method} ${o.path} at ${o.time} after ${r.status} at ${r.time}`);
    }
    expect(violations).toEqual([]);
  });
});
