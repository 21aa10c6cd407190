import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { probeFile } from "./paths.js";

/**
 * Runs `node [--import probe] SCRIPT ...args` as its own process and measures it.
 * @param {string} script
 * @param {string[]} args
 * @param {{env?: Record<string, string>, cwd?: string, timeoutMs?: number}} [options]
 * @returns {Promise<{code: number | null, wallMs: number, peakRssMb: number, cpuS: number, stdout: string, stderr: string}>}
 */
export async function measure(script, args, { env = {}, cwd, timeoutMs = 600_000 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "cf-bench-"));
  const out = join(dir, "usage.json");
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", probeFile, script, ...args], {
    cwd,
    env: { ...process.env, ...env, BENCH_PROBE_OUT: out },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stdout = [];
  const stderr = [];
  child.stdout.on("data", (b) => stdout.push(b));
  child.stderr.on("data", (b) => stderr.push(b));
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const code = await new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (c) => resolve(c));
  });
  const wallMs = performance.now() - started;
  clearTimeout(timer);
  let usage = { maxRssKb: NaN, userUs: NaN, systemUs: NaN };
  try {
    usage = JSON.parse(readFileSync(out, "utf8"));
  } catch {
    // killed before its exit hook ran: figures stay NaN and the row says so
  }
  rmSync(dir, { recursive: true, force: true });
  return {
    code,
    wallMs,
    peakRssMb: usage.maxRssKb / 1024,
    cpuS: (usage.userUs + usage.systemUs) / 1e6,
    stdout: Buffer.concat(stdout).toString("utf8"),
    stderr: Buffer.concat(stderr).toString("utf8"),
  };
}
