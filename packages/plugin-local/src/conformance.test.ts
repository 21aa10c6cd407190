import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { assertConformance, checkConformance } from "@computeflow/core/testing";
import { localPlugin } from "./plugin.js";

// The local computer needs no Azure: an endpoint nothing listens on proves no request is made.
const NOWHERE = { endpoint: "https://127.0.0.1:9", caCert: "" };
const originalPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = originalPath;
});

describe("plugin-local conformance", () => {
  it("passes: outputs as declared, second run changes nothing", async () => {
    const workflowDir = await mkdtemp(join(tmpdir(), "local-conf-"));
    const report = await assertConformance(localPlugin, { ...NOWHERE, workflowDir, cases: { "configure-run": { name: "train", with: { conda_file: "environment.yml", script: "train.py" } } } });
    expect(report.checks.filter((c) => c.name.startsWith("idempotent:"))).toEqual([expect.objectContaining({ ok: true })]);
  });

  it("maps a missing Docker to E_DOCKER_NOT_FOUND", async () => {
    process.env.PATH = await mkdtemp(join(tmpdir(), "empty-path-"));
    const workflowDir = await mkdtemp(join(tmpdir(), "local-conf-"));
    const report = await checkConformance(localPlugin, { ...NOWHERE, workflowDir, cases: {}, errorCases: { "configure-run": { with: { docker: { enabled: true } }, code: "E_DOCKER_NOT_FOUND" } } });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.checks.map((c) => c.name)).toContain("errors:configure-run");
  });
});
