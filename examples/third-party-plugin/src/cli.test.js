import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const BIN = join(REPO, "packages/cli/bin/computeflow.js");

/** @param {string[]} args @returns {Promise<{code: number | null, stdout: string, stderr: string}>} */
function computeflow(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CI: "true" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npx computeflow run examples/third-party-plugin/workflow.yaml --emulator", () => {
  it("loads the plugin by relative path and runs green", async () => {
    const { code, stdout, stderr } = await computeflow(["run", "examples/third-party-plugin/workflow.yaml", "--emulator", "--json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const events = stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(events.find((e) => e.type === "step_started" && e.step === "hello-cluster")).toMatchObject({ uses: "./src/index.js", action: "provision" });
    expect(events.find((e) => e.type === "step_finished" && e.step === "hello-cluster")).toMatchObject({ status: "succeeded", outputs: { greeting: "Hello from a third-party plugin" } });
    expect(events.at(-1)).toMatchObject({ type: "run_finished", status: "succeeded" });
  });
});
