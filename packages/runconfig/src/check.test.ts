import { describe, expect, it } from "vitest";
import { checkRunConfigWith, DEFAULT_DOCKER_IMAGE, specFromWith, type TargetCapabilities } from "./check.js";

const vm: TargetCapabilities = { kind: "remote VM", frameworks: ["python"] };
const hdi: TargetCapabilities = { kind: "HDInsight", frameworks: ["python", "pyspark"], dockerUnsupported: "Spark runs on the cluster's own nodes" };

describe("checkRunConfigWith", () => {
  it("accepts a valid Docker + Conda request", () => {
    expect(checkRunConfigWith({ compute: "dsvm", docker: { enabled: true }, conda_file: "environment.yml" }, vm)).toEqual([]);
  });

  it("refuses Docker where the target cannot run it, with the reason", () => {
    const [problem] = checkRunConfigWith({ compute: "hdi", framework: "pyspark", docker: { enabled: true } }, hdi);
    expect(problem?.path).toBe("/docker/enabled");
    expect(problem?.code).toBe("E_RUN_CONFIG");
    expect(problem?.message).toContain("Spark runs on the cluster's own nodes");
  });

  it("refuses a framework the target does not run", () => {
    expect(checkRunConfigWith({ compute: "dsvm", framework: "pyspark" }, vm).map((p) => p.path)).toEqual(["/framework"]);
  });

  it("refuses conda_file with user_managed, and user_managed without interpreter", () => {
    const paths = checkRunConfigWith({ compute: "dsvm", user_managed: true, conda_file: "e.yml" }, vm).map((p) => p.path);
    expect(paths).toEqual(["/conda_file", "/interpreter_path"]);
    expect(checkRunConfigWith({ compute: "dsvm", interpreter_path: "/x" }, vm).map((p) => p.path)).toEqual(["/interpreter_path"]);
  });
});

describe("specFromWith", () => {
  it("defaults the Docker image and maps snake_case to the spec", () => {
    const spec = specFromWith({ compute: "dsvm", node_count: 2, docker: { enabled: true }, conda_file: "environment.yml" });
    expect(spec).toMatchObject({ target: "dsvm", framework: "python", nodeCount: 2, docker: { enabled: true, baseImage: DEFAULT_DOCKER_IMAGE }, python: { condaFile: "environment.yml" } });
  });
});
