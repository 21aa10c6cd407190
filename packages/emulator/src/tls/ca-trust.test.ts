import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { useEmulator } from "../__fixtures__/clients.js";

const em = useEmulator();

function runNode(script: string, env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", script], { env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out }));
  });
}

const probe = (url: string) =>
  `require("node:https").get(${JSON.stringify(url)}, (r) => { console.log("status", r.statusCode); r.resume(); }).on("error", (e) => { console.log("error", e.code); process.exitCode = 3; });`;

describe("the CA file", () => {
  it("is trusted by a child process through NODE_EXTRA_CA_CERTS, and refused without it", async () => {
    const url = `${em().endpoint}/_emulator/faults`;
    const trusted = await runNode(probe(url), { NODE_EXTRA_CA_CERTS: em().caCertPath });
    expect(trusted.out.trim()).toBe("status 200");
    const untrusted = await runNode(probe(url), { NODE_EXTRA_CA_CERTS: "" });
    expect(untrusted.code).toBe(3);
    expect(untrusted.out).toMatch(/error (SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE)/);
  });
});
