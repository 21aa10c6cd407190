import { describe, expect, it } from "vitest";
import { PLUGIN_API_VERSION } from "@computeflow/core";
import plugin from "./index.js";

describe("plugin-aci", () => {
  it("declares ACI unsupported with the document's explanation and no actions", () => {
    expect(plugin.apiVersion).toBe(PLUGIN_API_VERSION);
    expect(Object.keys(plugin.actions)).toEqual([]);
    expect(plugin.unsupported.reason).toMatch(/created dynamically when you deploy a model/);
    expect(plugin.unsupported.reason).toMatch(/cannot be created or attached/);
    expect(plugin.unsupported.hint).toMatch(/amlcompute/);
  });
});
