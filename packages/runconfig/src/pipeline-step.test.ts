import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { renderPipelineStep } from "./pipeline-step.js";

describe("renderPipelineStep", () => {
  it("says it is a pipeline-step target and carries the step settings", () => {
    const text = renderPipelineStep({ stepType: "DatabricksStep", computeTarget: "dbx", parameters: { run_name: "train", num_workers: 2 } });
    expect(text).toContain("azureml.pipeline.steps.DatabricksStep");
    expect(text).toContain("has no .runconfig");
    expect(load(text)).toEqual({ stepType: "DatabricksStep", computeTarget: "dbx", run_name: "train", num_workers: 2 });
  });
});
