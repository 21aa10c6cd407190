import { describe, expect, it } from "vitest";
import { checkRunConfigWith, jobFormat, DEFAULT_DOCKER_IMAGE, specFromWith, type TargetCapabilities } from "./check.js";

const vm: TargetCapabilities = { kind: "remote VM", frameworks: ["python"] };
const errors = (problems: ReturnType<typeof checkRunConfigWith>) => problems.filter((p) => p.severity !== "warning");
const hdi: TargetCapabilities = { kind: "HDInsight", frameworks: ["python", "pyspark"], dockerUnsupported: "Spark runs on the cluster's own nodes", v1Only: "HDInsight" };

describe("checkRunConfigWith", () => {
  it("accepts a valid Docker + Conda request", () => {
    expect(checkRunConfigWith({ compute: "dsvm", script: "train.py", docker: { enabled: true }, conda_file: "environment.yml" }, vm)).toEqual([]);
  });

  it("refuses Docker where the target cannot run it, with the reason", () => {
    const [problem] = errors(checkRunConfigWith({ compute: "hdi", framework: "pyspark", docker: { enabled: true } }, hdi));
    expect(problem?.path).toBe("/docker/enabled");
    expect(problem?.code).toBe("E_RUN_CONFIG");
    expect(problem?.message).toContain("Spark runs on the cluster's own nodes");
  });

  it("refuses a framework the target does not run", () => {
    expect(errors(checkRunConfigWith({ compute: "dsvm", framework: "pyspark", format: "v1" }, vm)).map((p) => p.path)).toEqual(["/framework"]);
  });

  it("refuses conda_file with user_managed, and user_managed without interpreter", () => {
    const paths = errors(checkRunConfigWith({ compute: "dsvm", format: "v1", user_managed: true, conda_file: "e.yml" }, vm)).map((p) => p.path);
    expect(paths).toEqual(["/conda_file", "/interpreter_path"]);
    expect(errors(checkRunConfigWith({ compute: "dsvm", format: "v1", interpreter_path: "/x" }, vm)).map((p) => p.path)).toEqual(["/interpreter_path"]);
  });
});

describe("specFromWith", () => {
  it("defaults the Docker image and maps snake_case to the spec", () => {
    const spec = specFromWith({ compute: "dsvm", node_count: 2, docker: { enabled: true }, conda_file: "environment.yml" });
    expect(spec).toMatchObject({ target: "dsvm", framework: "python", nodeCount: 2, docker: { enabled: true, baseImage: DEFAULT_DOCKER_IMAGE }, python: { condaFile: "environment.yml" } });
  });
});

describe("checkRunConfigWith: v2 command jobs and the v1 lifecycle", () => {
  const cluster: TargetCapabilities = { kind: "AmlCompute", frameworks: ["python"] };
  it("defaults to v2, and refuses what a v2 command job cannot say", () => {
    expect(jobFormat({ compute: "c" })).toBe("v2");
    expect(checkRunConfigWith({ compute: "c", script: "t.py", environment: "azureml:env@latest" }, cluster)).toEqual([]);
    const paths = checkRunConfigWith({ compute: "c", user_managed: true, interpreter_path: "/p", environment: "azureml:e:1", conda_file: "e.yml", instance_type: "x" }, cluster).map((p) => p.path);
    expect(paths).toEqual(["/user_managed", "/script", "/environment", "/instance_type", "/conda_file"]);
    expect(checkRunConfigWith({ compute: "k", script: "t.py", instance_type: "x" }, { ...cluster, kubernetes: true })).toEqual([]);
  });
  it("warns with a date and a next step on format: v1, and refuses v2-only keys there", () => {
    const problems = checkRunConfigWith({ compute: "c", format: "v1", display_name: "x" }, cluster);
    expect(problems[0]).toMatchObject({ code: "W_V1_FORMAT", severity: "warning", path: "/format" });
    expect(problems[0]?.message).toContain("2026-06-30");
    expect(problems[0]?.hint).toContain("remove `format: v1`");
    expect(problems[1]).toMatchObject({ path: "/display_name", code: "E_RUN_CONFIG" });
  });
  it("keeps v1-only targets on v1 with a dated W_V1_ONLY naming the v2 alternative, and refuses format: v2 there", () => {
    const target = hdi;
    expect(jobFormat({ compute: "h", format: "v2" }, target)).toBe("v1");
    const [warning] = checkRunConfigWith({ compute: "h", framework: "pyspark" }, target);
    expect(warning).toMatchObject({ code: "W_V1_ONLY", severity: "warning" });
    expect(warning?.message).toContain("2026-06-30");
    expect(warning?.hint).toContain("serverless Spark");
    expect(checkRunConfigWith({ compute: "h", framework: "pyspark", format: "v2" }, target)[0]).toMatchObject({ path: "/format", code: "E_RUN_CONFIG" });
  });
});

describe("secrets", () => {
  it("refuses a secret reference anywhere in the run's `with`, at its pointer", () => {
    const problems = checkRunConfigWith({ compute: "c", script: "t.py", environment_variables: { TOKEN: "${{ secrets.API_TOKEN }}", LEVEL: "debug" }, arguments: ["--key", "pre-${{secrets.K}}"] }, vm);
    expect(problems.map((p) => `${p.code} ${p.path}`)).toEqual(["E_SECRET_IN_FILE /environment_variables/TOKEN", "E_SECRET_IN_FILE /arguments/1"]);
  });
});

