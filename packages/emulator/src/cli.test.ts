import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runEmulatorFromCli } from "./cli.js";

function streams() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (d) => (out += d));
  stderr.on("data", (d) => (err += d));
  return { io: { stdout, stderr }, out: () => out, err: () => err };
}

describe("runEmulatorFromCli", () => {
  it("prints exactly one JSON line when ready and exits 0 on SIGTERM", async () => {
    const s = streams();
    const done = runEmulatorFromCli({ timeScale: 0.01 }, s.io);
    for (let i = 0; i < 200 && !s.out().includes("\n"); i++) await new Promise((r) => setTimeout(r, 10));
    const lines = s.out().trim().split("\n");
    expect(lines).toHaveLength(1);
    const ready = JSON.parse(lines[0]!) as { endpoint: string; ca_cert: string };
    expect(ready.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(ready.ca_cert).toMatch(/ca\.pem$/);
    process.emit("SIGTERM");
    expect(await done).toBe(0);
    expect(s.err()).toBe("");
  });

  it("reports a bad fault spec with a code and a hint, exit 2, nothing on stdout", async () => {
    const s = streams();
    expect(await runEmulatorFromCli({ faults: "rate=2" }, s.io)).toBe(2);
    expect(s.out()).toBe("");
    expect(s.err()).toMatch(/^error\[E_EMULATOR\]: fault spec: rate must be between 0 and 1\nhint: /);
  });

  it("reports a broken world file as FILE:LINE:COL with E_WORLD", async () => {
    const dir = mkdtempSync(join(tmpdir(), "world-"));
    const file = join(dir, "world.yaml");
    writeFileSync(file, "subscriptions:\n  - id: x\n    resource_groups: [\n");
    const s = streams();
    expect(await runEmulatorFromCli({ world: file }, s.io)).toBe(2);
    expect(s.err()).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+: error\\[E_WORLD\\]: `));
  });

  it("lists every problem of a world that parses but is incomplete", async () => {
    const dir = mkdtempSync(join(tmpdir(), "world-"));
    const file = join(dir, "world.yaml");
    writeFileSync(file, "subscriptions:\n  - id: s\n    resource_groups:\n      - name: rg\n        virtual_machines: [{ name: vm }]\n");
    const s = streams();
    expect(await runEmulatorFromCli({ world: file }, s.io)).toBe(2);
    expect(s.err()).toContain("resource_groups[0]: name and location are required");
  });
});
