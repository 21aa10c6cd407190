import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { listPlugins } from "./list-plugins.js";

const workspace = fileURLToPath(new URL("./__fixtures__/workspace/", import.meta.url));

describe("listPlugins", () => {
  it("finds installed plugin packages, scoped or not, and skips other packages", async () => {
    const found = await listPlugins(workspace);
    // Plugins installed above the fixture (the repository's own) are found too; look at ours.
    const ours = found.filter((p) => p.packageName.startsWith("@acme/") || /^computeflow-plugin-(broken|fixture|gone|nohook|noreason|old-api)$/.test(p.packageName));
    expect(found.some((p) => p.packageName === "not-a-plugin")).toBe(false);
    expect(ours).toEqual([
      { name: "thing", packageName: "@acme/computeflow-plugin-thing", version: "2.0.0", actions: ["attach"] },
      { name: "computeflow-plugin-broken", packageName: "computeflow-plugin-broken", actions: [], error: expect.stringContaining("failed to load") },
      { name: "fixture", packageName: "computeflow-plugin-fixture", version: "1.2.3", actions: ["provision", "attach", "configure-run"] },
      { name: "gone", packageName: "computeflow-plugin-gone", version: "0.1.0", actions: [], unsupported: { reason: "gone targets cannot be managed by a workflow", hint: "use `uses: fixture`" } },
      { name: "computeflow-plugin-nohook", packageName: "computeflow-plugin-nohook", actions: [], error: expect.stringContaining("no `provision` hook") },
      { name: "computeflow-plugin-noreason", packageName: "computeflow-plugin-noreason", actions: [], error: expect.stringContaining("`unsupported` must have a non-empty `reason`") },
      { name: "computeflow-plugin-old-api", packageName: "computeflow-plugin-old-api", actions: [], error: expect.stringContaining("plugin API 0") },
    ]);
  });
});
