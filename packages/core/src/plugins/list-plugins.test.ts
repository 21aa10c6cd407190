import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { listPlugins } from "./list-plugins.js";

const workspace = fileURLToPath(new URL("./__fixtures__/workspace/", import.meta.url));

describe("listPlugins", () => {
  it("finds installed plugin packages, scoped or not, and skips other packages", async () => {
    const found = await listPlugins(workspace);
    // Plugins installed above the fixture (the repository's own) are found too; look at ours.
    const ours = found.filter((p) => p.packageName.startsWith("@acme/") || /^computeflow-plugin-(broken|fixture|nohook|old-api)$/.test(p.packageName));
    expect(found.some((p) => p.packageName === "not-a-plugin")).toBe(false);
    expect(ours).toEqual([
      { name: "thing", packageName: "@acme/computeflow-plugin-thing", version: "2.0.0", actions: ["attach"] },
      { name: "computeflow-plugin-broken", packageName: "computeflow-plugin-broken", actions: [], error: expect.stringContaining("failed to load") },
      { name: "fixture", packageName: "computeflow-plugin-fixture", version: "1.2.3", actions: ["provision", "attach", "configure-run"] },
      { name: "computeflow-plugin-nohook", packageName: "computeflow-plugin-nohook", actions: [], error: expect.stringContaining("no `provision` hook") },
      { name: "computeflow-plugin-old-api", packageName: "computeflow-plugin-old-api", actions: [], error: expect.stringContaining("plugin API 0") },
    ]);
  });
});
