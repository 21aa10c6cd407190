import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diagnostics, runCli } from "./__fixtures__/run-cli.js";

// validate exits as soon as its report is written (main.ts, exitWhenWritten), not by a natural
// exit: a report far larger than a pipe's buffer must still arrive whole.
const STEPS = 1500;
const dir = mkdtempSync(join(tmpdir(), "cf-validate-exit-"));
const file = join(dir, "many-problems.yaml");
const lines = ["version: 1", "name: many-problems", "workspace:", "  subscription_id: 00000000-0000-0000-0000-000000000000", "  resource_group: rg", "  name: ws", "steps:"];
for (let i = 0; i < STEPS; i++) lines.push(`  c${i}:`, "    uses: amlcompute", "    action: provision", "    with:", "      vm_size: STANDARD_D2_V2", "      max_nodes: -1");
writeFileSync(file, `${lines.join("\n")}\n`);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("computeflow validate (child process): a large report through pipes", () => {
  it("writes every problem and the summary on stderr before it exits", { timeout: 120_000 }, async () => {
    const run = await runCli(["validate", file]);
    expect(run.code).toBe(2);
    const found = diagnostics(run.stderr);
    expect(found.filter((d) => d.code === "E_SCHEMA" && /`max_nodes` must be >= 1/.test(d.message))).toHaveLength(STEPS);
    expect(run.stderr.length).toBeGreaterThan(128 * 1024);
    expect(run.stderr.trimEnd().split("\n").at(-1)).toBe(`${STEPS} errors in 1 file`);
  });

  it("writes the whole JSON report on stdout before it exits", { timeout: 120_000 }, async () => {
    const run = await runCli(["validate", "--json", file]);
    expect(run.code).toBe(2);
    expect(run.stdout.length).toBeGreaterThan(128 * 1024);
    const report = JSON.parse(run.stdout) as { valid: boolean; files: { problems: unknown[] }[] };
    expect(report.valid).toBe(false);
    expect(report.files[0]?.problems).toHaveLength(STEPS);
  });
});
