import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { hostname } from "node:os";
import { join } from "node:path";
import { startEmulator, type RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterWorkflow, events, runCliTo, startCli, target, tempDir } from "./__fixtures__/engine-e2e.js";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ timeScale: 0.05, ssh: false });
});
afterAll(() => emu.close());

function project(name: string, ids: string[]): { dir: string; flags: string[]; env: NodeJS.ProcessEnv } {
  const dir = tempDir(name);
  writeFileSync(join(dir, "wf.yaml"), clusterWorkflow(name, ids.map((id) => ({ id }))));
  return { dir, ...target(emu, dir, 0.05) };
}

function writeLock(dir: string, pid: number): void {
  mkdirSync(join(dir, ".computeflow", "locks"), { recursive: true });
  writeFileSync(join(dir, ".computeflow", "locks", "wf.yaml.lock"), JSON.stringify({ pid, host: hostname(), startedAt: "2026-11-30T20:00:00.000Z", mode: "run" }));
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", "0"]);
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

describe("one run per workflow file (real CLI, standalone emulator)", () => {
  it("a lock held by a live process fails the run at once with E_LOCKED naming the holder; nothing is sent", async () => {
    const p = project("lock-live", ["lk-live"]);
    writeLock(p.dir, process.pid);
    const run = await runCliTo(["run", "wf.yaml", ...p.flags], { cwd: p.dir, env: p.env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`error[E_LOCKED]: wf.yaml is already being run: run by pid ${process.pid} on ${hostname()}, started 2026-11-30T20:00:00.000Z`);
    expect(emu.requests().some((r) => r.path.includes("/computes/lk-live"))).toBe(false);
  });

  it("a stale lock (dead pid on this host) is taken over with a note, and released at the end", async () => {
    const p = project("lock-stale", ["lk-stale"]);
    const pid = await deadPid();
    writeLock(p.dir, pid);
    const run = await runCliTo(["run", "wf.yaml", ...p.flags], { cwd: p.dir, env: p.env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`warning: took over the lock of an earlier run (pid ${pid} on ${hostname()}, started 2026-11-30T20:00:00.000Z) that is no longer running`);
    expect(existsSync(join(p.dir, ".computeflow", "locks", "wf.yaml.lock"))).toBe(false);
  });

  it("a second run of the same file while the first runs fails at once; the first keeps its lock until it ends", async () => {
    const slow = await startEmulator({ timeScale: 1, ssh: false });
    try {
      const dir = tempDir("lock-race");
      writeFileSync(join(dir, "wf.yaml"), clusterWorkflow("lock-race", [{ id: "lk-race" }]));
      const { flags, env } = target(slow, dir, 0.2);
      const first = startCli(["run", "wf.yaml", "--json", ...flags], { cwd: dir, env });
      await first.waitForLine((l) => l.includes('"step_started"'));
      // The first run's PUT is in flight after step_started; wait until the emulator has it, so
      // the count below tells whether the second run sent anything.
      const puts = () => slow.requests().filter((r) => r.method === "PUT");
      for (let waited = 0; puts().length === 0 && waited < 20_000; waited += 25) await new Promise((r) => setTimeout(r, 25));
      expect(puts()).toHaveLength(1);
      const second = await runCliTo(["run", "wf.yaml", ...flags], { cwd: dir, env });
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(new RegExp(`error\\[E_LOCKED\\]: wf\\.yaml is already being run: run by pid ${first.child.pid} on `));
      expect(puts()).toHaveLength(1);
      first.child.kill("SIGINT");
      expect((await first.done).code).toBe(130);
      expect(existsSync(join(dir, ".computeflow", "locks", "wf.yaml.lock"))).toBe(false);
    } finally {
      await slow.close();
    }
  });
});

describe("journals are read defensively", () => {
  it("a null line, a foreign record and a journal of random bytes are warnings naming the line; resume carries on", async () => {
    const p = project("journal", ["jr-a", "jr-b"]);
    const full = await runCliTo(["run", "wf.yaml", "--json", ...p.flags], { cwd: p.dir, env: p.env });
    expect(full.code, full.stderr).toBe(0);
    const runs = join(p.dir, ".computeflow", "runs");
    const [journal] = readdirSync(runs);
    const lines = readFileSync(join(runs, journal!), "utf8").trimEnd().split("\n");
    // As if killed before the end: no run_finished; plus a null line and a record of no known shape.
    const damaged = [...lines.slice(0, -1), "null", '{"type":"step_finished","step":42}'];
    writeFileSync(join(runs, journal!), `${damaged.join("\n")}\n`);
    writeFileSync(join(runs, "99999999T999999999Z-1-zzzz.ndjson"), Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x0a, 0x00, 0xff, 0x0a]));

    const resumed = await runCliTo(["run", "wf.yaml", "--resume", "--json", ...p.flags], { cwd: p.dir, env: p.env });
    expect(resumed.code, resumed.stderr).toBe(0);
    const warnings = events(resumed.stdout).filter((e) => e.type === "run_warning").map((e) => e.message);
    expect(warnings).toEqual([
      expect.stringMatching(/99999999T999999999Z-1-zzzz\.ndjson:1: not JSON; skipped/),
      expect.stringMatching(/99999999T999999999Z-1-zzzz\.ndjson:2: not JSON; skipped/),
      expect.stringMatching(/99999999T999999999Z-1-zzzz\.ndjson: no run_started record; the journal is ignored/),
      `.computeflow/runs/${journal}:${damaged.length - 1}: not a journal record; skipped`,
      `.computeflow/runs/${journal}:${damaged.length}: not a journal record; skipped`,
    ]);
    const finished = events(resumed.stdout).filter((e) => e.type === "step_finished");
    expect(finished.map((e) => [e.step, e.resumed])).toEqual([["jr-a", true], ["jr-b", true]]);
  });
});

describe("infrastructure failures are classified once, never blamed on a plugin", () => {
  it("no credentials: one E_AUTH with the DefaultAzureCredential hint, no step runs", async () => {
    const dir = tempDir("auth");
    writeFileSync(join(dir, "wf.yaml"), clusterWorkflow("auth", [{ id: "au-a" }, { id: "au-b" }]));
    const none = { AZURE_CLIENT_ID: "", AZURE_TENANT_ID: "", AZURE_CLIENT_SECRET: "", AZURE_CLIENT_CERTIFICATE_PATH: "", AZURE_FEDERATED_TOKEN_FILE: "", IDENTITY_ENDPOINT: "", MSI_ENDPOINT: "", HOME: dir, PATH: "/usr/bin:/bin" };
    const run = await runCliTo(["run", "wf.yaml"], { cwd: dir, env: { AZURE_SUBSCRIPTION_ID: "00000000-0000-0000-0000-000000000000", ...none } });
    expect(run.code).toBe(1);
    expect(run.stderr.match(/error\[/g)).toHaveLength(1);
    expect(run.stderr).toMatch(/^error\[E_AUTH\]: sign-in failed: /m);
    expect(run.stderr).toMatch(/hint: computeflow signs in with DefaultAzureCredential/);
    expect(run.stdout + run.stderr).not.toMatch(/E_PLUGIN|started amlcompute/);
  });

  it.for([
    ["a refused connection", "closed-port"],
    ["a DNS failure", "https://computeflow-no-such-host.invalid:8443"],
  ])("%s on the endpoint: one fast E_ENDPOINT with a hint", async ([, endpoint]) => {
    const dir = tempDir("endpoint");
    writeFileSync(join(dir, "wf.yaml"), clusterWorkflow("endpoint", [{ id: "ep-a" }, { id: "ep-b" }]));
    writeFileSync(join(dir, "ca.pem"), emu.caCert);
    const url = endpoint === "closed-port" ? `https://127.0.0.1:${await closedPort()}` : endpoint!;
    const run = await runCliTo(["run", "wf.yaml", "--emulator-endpoint", url, "--ca-cert", "ca.pem"], { cwd: dir, env: { AZURE_SUBSCRIPTION_ID: "00000000-0000-0000-0000-000000000000" } });
    expect(run.code).toBe(1);
    expect(run.stderr.match(/error\[/g)).toHaveLength(1);
    expect(run.stderr).toMatch(endpoint === "closed-port" ? /error\[E_ENDPOINT\]: the Azure endpoint cannot be reached: cannot connect to 127\.0\.0\.1:\d+: connection refused/ : /error\[E_ENDPOINT\]: the Azure endpoint cannot be reached: cannot resolve computeflow-no-such-host\.invalid/);
    expect(run.stderr).toMatch(/hint: check the endpoint/);
    expect(run.stdout + run.stderr).not.toMatch(/E_PLUGIN|E_TRANSIENT|started amlcompute/);
  });
});

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
