import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireRunLock } from "./run-lock.js";

const wf = (dir: string) => join(dir, "wf.yaml");

describe("acquireRunLock", () => {
  it("refuses a second holder with E_LOCKED naming the first, and frees the lock on release", () => {
    const dir = mkdtempSync(join(tmpdir(), "lock-"));
    const first = acquireRunLock(dir, wf(dir), "run", new Date("2026-11-30T20:00:00Z"));
    expect(() => acquireRunLock(dir, wf(dir), "destroy")).toThrow(expect.objectContaining({ code: "E_LOCKED", message: `wf.yaml is already being run: run by pid ${process.pid} on ${hostname()}, started 2026-11-30T20:00:00.000Z` }));
    first.release();
    expect(existsSync(first.path)).toBe(false);
    acquireRunLock(dir, wf(dir), "run").release();
  });

  it("takes over a lock whose process is gone, saying whose it was", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lock-"));
    const child = spawn(process.execPath, ["-e", "0"]);
    await new Promise((r) => child.on("exit", r));
    const stale = acquireRunLock(dir, wf(dir), "run");
    writeFileSync(stale.path, JSON.stringify({ pid: child.pid, host: hostname(), startedAt: "2026-11-30T19:00:00.000Z", mode: "run" }));
    const lock = acquireRunLock(dir, wf(dir), "run");
    expect(lock.tookOver).toEqual({ pid: child.pid, host: hostname(), startedAt: "2026-11-30T19:00:00.000Z", mode: "run" });
    lock.release();
  });

  it("never takes over a lock from another host, or one it cannot read", () => {
    const dir = mkdtempSync(join(tmpdir(), "lock-"));
    const held = acquireRunLock(dir, wf(dir), "run");
    writeFileSync(held.path, JSON.stringify({ pid: 1, host: "elsewhere", startedAt: "2026-11-30T19:00:00.000Z", mode: "run" }));
    expect(() => acquireRunLock(dir, wf(dir), "run")).toThrow(/run by pid 1 on elsewhere/);
    writeFileSync(held.path, "garbage");
    expect(() => acquireRunLock(dir, wf(dir), "run")).toThrow(/a process whose lock file cannot be read/);
  });
});
