import { describe, expect, it } from "vitest";
import { PLUGIN_API_VERSION } from "@computeflow/core";
import { checkConformance } from "@computeflow/core/testing";
import plugin from "./index.js";

describe("plugin-aci", () => {
  it("declares ACI unsupported with the document's explanation and no actions", () => {
    expect(plugin.apiVersion).toBe(PLUGIN_API_VERSION);
    expect(Object.keys(plugin.actions)).toEqual([]);
    expect(plugin.unsupported.reason).toMatch(/created dynamically when you deploy a model/);
    expect(plugin.unsupported.reason).toMatch(/cannot be created or attached/);
    expect(plugin.unsupported.hint).toMatch(/amlcompute/);
  });

  it("passes the conformance check's contract part (nothing to run)", async () => {
    const report = await checkConformance(plugin, { endpoint: "https://127.0.0.1:9", caCert: "", cases: {} });
    expect(report.checks.map((c) => `${c.name}:${c.ok}`)).toEqual(["apiVersion:true", "name:true", "unsupported:true", "contract:true"]);
  });
});
