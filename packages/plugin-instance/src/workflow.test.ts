import { fileURLToPath } from "node:url";
import { loadWorkflow } from "@computeflow/core";
import { describe, expect, it } from "vitest";

describe("examples/instance.yaml", () => {
  it("validates through core's loader", async () => {
    const file = fileURLToPath(new URL("../../../examples/instance.yaml", import.meta.url));
    const result = await loadWorkflow(file, { env: { AZURE_SUBSCRIPTION_ID: "00000000-0000-0000-0000-000000000000" } });
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.workflow?.steps.map((s) => [s.id, s.action])).toEqual([["notebook", "provision"]]);
  });
});
