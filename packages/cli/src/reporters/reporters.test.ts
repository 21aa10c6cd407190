import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import type { RunEvent } from "@computeflow/core";
import { describe, expect, it } from "vitest";
import type { CliIO } from "../io.js";
import { createReporter } from "./create-reporter.js";
import { visible } from "./tty-reporter.js";

const t = "2026-01-01T10:00:00.000Z";
const events: RunEvent[] = [
  { type: "run_started", time: t, mode: "run", workflow: "demo", file: "/w/wf.yaml", steps: ["cpu", "vm", "cfg"] },
  { type: "step_started", time: t, step: "cpu", uses: "amlcompute", action: "provision", attempt: 1 },
  { type: "step_planned", time: t, step: "cpu", change: "update", diff: [{ path: "properties.scaleSettings.maxNodeCount", from: 2, to: 4 }] },
  { type: "step_progress", time: t, step: "cpu", progress: { provisioningState: "Creating" } },
  { type: "step_progress", time: t, step: "cpu", progress: { provisioningState: "Succeeded", nodes: { current: 0, target: 0 } } },
  { type: "step_finished", time: t, step: "cpu", status: "succeeded", durationMs: 2500, outputs: { name: "cpu" } },
  { type: "step_started", time: t, step: "vm", uses: "remote-vm", action: "attach", attempt: 1 },
  { type: "step_log", time: t, step: "vm", level: "warn", message: "docker missing: runs fall back to conda" },
  {
    type: "step_finished",
    time: t,
    step: "vm",
    status: "failed",
    durationMs: 1200,
    error: { code: "E_PROVISIONING_FAILED", message: "attach failed", retryable: false, errorClass: "validation", hint: "check the VM", arm: [{ code: "BadArgument", message: "bad", details: [{ code: "Inner", message: "deeper" }] }] },
  },
  { type: "step_finished", time: t, step: "cfg", status: "skipped", durationMs: 0 },
  { type: "run_finished", time: t, status: "failed", durationMs: 4000, steps: { cpu: "succeeded", vm: "failed", cfg: "skipped" } },
];

function io(opts: Partial<CliIO> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  stdout.on("data", (c: Buffer) => (out += c.toString()));
  return { io: { stdout, stderr, env: {}, cwd: "/w", isTTY: false, ...opts } as CliIO, out: () => out };
}

const locations = { vm: { file: "/w/wf.yaml", line: 12, column: 3 } };

function render(json: boolean, base: Partial<CliIO> = {}): string {
  const { io: cli, out } = io(base);
  const reporter = createReporter({ io: cli, file: "/w/wf.yaml", locations, color: false }, json);
  events.forEach((e) => reporter.onEvent(e));
  reporter.close();
  return out();
}

describe("reporters", () => {
  it("--json writes one parseable event per line, run_finished last", () => {
    const lines = render(true).trimEnd().split("\n");
    expect(lines).toHaveLength(events.length);
    expect(lines.map((l) => JSON.parse(l).type)).toEqual(events.map((e) => e.type));
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ type: "run_finished", status: "failed", steps: { vm: "failed" } });
  });

  it("plain mode prints timestamped lines, the diff, the summary table and ARM details in full", () => {
    const out = render(false);
    expect(out).toContain("10:00:00 cpu: started amlcompute provision");
    expect(out).toContain("~ properties.scaleSettings.maxNodeCount: 2 -> 4");
    expect(out).toMatch(/cpu\s+succeeded\s+update\s+2\.5s\s+Creating > Succeeded/);
    expect(out).toContain("wf.yaml:12:3: error[E_PROVISIONING_FAILED]: step vm: attach failed");
    expect(out).toContain("    Inner: deeper");
    expect(out).toContain("run failed in 4.0s: 1 succeeded, 1 failed, 1 skipped");
    expect(out).not.toContain("\u001b[");
  });

  it("the TTY view redraws in place with ANSI and ends with the summary", () => {
    const out = render(false, { isTTY: true });
    expect(out).toContain("\u001b[3A\u001b[0J");
    expect(out).toContain("docker missing");
    expect(out).toMatch(/vm\s+failed/);
    expect(out).toContain("run failed in 4.0s");
  });

  it("in GitHub Actions adds annotations at the step's line and a job summary", () => {
    const dir = mkdtempSync(join(tmpdir(), "cf-gh-"));
    const summary = join(dir, "summary.md");
    const out = render(false, { env: { GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: summary } });
    expect(out).toContain("::error file=wf.yaml,line=12,col=3,title=E_PROVISIONING_FAILED in vm::attach failed");
    expect(out).toContain("::warning title=vm::docker missing%3A runs fall back to conda".replace("%3A", ":"));
    const md = readFileSync(summary, "utf8");
    expect(md).toContain("### computeflow run: failed");
    expect(md).toContain("| vm | failed |");
  });
});

describe("the live view with more steps than rows", () => {
  it("shows the running and failed steps and counts the rest", () => {
    const steps = Array.from({ length: 50 }, (_, i) => ({ id: `s${i}`, status: i < 3 ? "running" : i === 3 ? "failed" : i < 20 ? "succeeded" : "pending", attempt: 1, transitions: [] }) as never);
    const rows = visible(steps, 10);
    expect(rows).toHaveLength(5);
    expect(rows.at(-1)).toBe("  ... 16 succeeded, 30 pending");
    expect(visible(steps.slice(0, 8), 10)).toHaveLength(8);
  });
});
