import { describe, expect, it } from "vitest";
import { runCli } from "./__fixtures__/run-cli.js";

describe("computeflow (child process): usage", () => {
  it("prints help with examples and exit codes, exit 0", async () => {
    const run = await runCli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: computeflow \[options\] \[command\]/);
    expect(run.stdout).toContain("--secrets-file <file>");
    expect(run.stdout).toContain("Exit codes: 0 ok, 1 run failed, 2 invalid input or usage, 130 interrupted.");
  });

  it.each(["validate", "graph", "schema", "plugins", "emulator"])("%s --help shows its examples and the global options", async (command) => {
    const run = await runCli([command, "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: computeflow ${command}`);
    expect(run.stdout).toMatch(/Examples:\n {2}\$ computeflow /);
    expect(run.stdout).toMatch(/Global Options:[\s\S]*--input <key=value>/);
  });

  it("without a command prints help on stderr and exits 2", async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Usage: computeflow/);
  });

  it("rejects an unknown command with a suggestion, exit 2, no stack trace", async () => {
    const run = await runCli(["emulatr"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("error[E_USAGE]: unknown command 'emulatr'");
    expect(run.stderr).toContain("Did you mean emulator?");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("rejects a malformed --input before running anything", async () => {
    const run = await runCli(["emulator", "--input", "novalue"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error[E_USAGE]: --input expects KEY=VALUE, got "novalue"');
  });

  it("rejects a bad option value with the flag named", async () => {
    const run = await runCli(["emulator", "--time-scale", "fast"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error[E_USAGE]: --time-scale expects a positive number, got "fast"');
  });

  it.each([["--version"], ["-v"], ["-V"]])("prints its version with %s", async (flag) => {
    const run = await runCli([flag]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("answers a lone --version without starting Node's ES module loader (~9 ms on Node 20)", async () => {
    const run = await runCli(["--version"], { env: { NODE_DEBUG: "esm" } });
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(run.stderr).not.toMatch(/^ESM \d+:/m);
    // The control: any other command imports the CLI through that loader, and its debug log shows it.
    const help = await runCli(["--help"], { env: { NODE_DEBUG: "esm" } });
    expect(help.stderr).toMatch(/^ESM \d+:/m);
  });

  it.each([["plan"], ["run"], ["destroy"]])("%s --help shows examples", async (command) => {
    const run = await runCli([command, "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Examples:");
    expect(run.stdout).toContain(`$ computeflow ${command} wf.yaml`);
  });
});
