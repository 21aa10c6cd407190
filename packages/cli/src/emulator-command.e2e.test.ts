import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "./__fixtures__/run-cli.js";

const bin = fileURLToPath(new URL("../bin/computeflow.js", import.meta.url));

describe("computeflow emulator (child process)", () => {
  it("starts the emulator on loopback, prints where it listens, and stops on SIGINT with exit 0", async () => {
    const child = spawn(process.execPath, [bin, "emulator", "--time-scale", "0.01"], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    const firstLine = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.setEncoding("utf8").on("data", (c: string) => {
        out += c;
        if (out.includes("\n")) resolve(out.split("\n")[0]!);
      });
      child.on("close", (code) => reject(new Error(`exited ${code} before it was ready: ${stderr}`)));
    });
    const ready = JSON.parse(firstLine) as { endpoint: string };
    expect(ready.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+/);
    const exit = new Promise<string>((resolve) => child.on("close", (code, signal) => resolve(`${code} ${signal} ${stderr}`)));
    // SIGINT right after the ready line: the handler is installed before the line is printed.
    child.kill("SIGINT");
    expect(await exit).toBe("0 null ");
    expect(stderr).toBe("");
  });

  it("rejects a port that is not a number before starting anything", async () => {
    const run = await runCli(["emulator", "--port", "http"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error[E_USAGE]: --port expects a port number (0-65535), got "http"');
  });
});
