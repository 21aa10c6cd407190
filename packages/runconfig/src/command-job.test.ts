import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { buildCommandJob, COMMAND_JOB_SCHEMA, renderCommandJob } from "./command-job.js";
import type { RunConfigWith } from "./with-schema.js";

const FIXTURES = join(import.meta.dirname, "__fixtures__");
const examples = Object.fromEntries(
  readdirSync(join(FIXTURES, "azureml-examples"))
    .filter((f) => f.endsWith(".yml"))
    .map((f) => [f, load(readFileSync(join(FIXTURES, "azureml-examples", f), "utf8")) as Record<string, any>]),
);
const sdkSchema = JSON.parse(readFileSync(join(FIXTURES, "azure-ai-ml-command-job-schema.json"), "utf8"));

/** Dotted key paths of a job document; the values of free-form maps (environment_variables) are not keys. */
function keyPaths(doc: unknown, prefix = ""): string[] {
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) return [];
  return Object.entries(doc as Record<string, unknown>).flatMap(([key, value]) => {
    const path = prefix + key;
    return prefix === "" && key === "environment_variables" ? [path] : [path, ...keyPaths(value, `${path}.`)];
  });
}

const exampleKeys = new Set(Object.values(examples).flatMap((doc) => keyPaths(doc)));
const schemaKeys = new Set<string>([
  ...Object.keys(sdkSchema.job),
  "$schema",
  ...Object.keys(sdkSchema.limits).map((k) => `limits.${k}`),
  ...Object.keys(sdkSchema.resources).map((k) => `resources.${k}`),
  ...Object.values(sdkSchema.distribution).flatMap((d: any) => Object.keys(d).map((k) => `distribution.${k}`)),
  ...Object.keys(sdkSchema.environment.inline).map((k) => `environment.${k}`),
]);

const place = { workflowDir: "/w", jobFile: "/w/jobs/train.yml" };
const KINDS: Record<string, RunConfigWith> = {
  basic: { compute: "cpu-cluster", script: "train.py" },
  "docker + conda": { compute: "cpu-cluster", script: "train.py", docker: { enabled: true, base_image: "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04", arguments: ["--shm-size", "8g"] }, conda_file: "conda.yaml" },
  "registered environment": { compute: "cpu-cluster", script: "main.py", environment: "azureml:AzureML-lightgbm-3.3@latest", experiment_name: "x", display_name: "y" },
  mpi: { compute: "gpu-cluster", script: "train.py", node_count: 2, communicator: "OpenMpi" },
  pytorch: { compute: "gpu-cluster", script: "train.py", node_count: 2, distribution: { type: "pytorch", process_count_per_instance: 4 } },
  tensorflow: { compute: "gpu-cluster", script: "train.py", node_count: 2, communicator: "ParameterServer" },
  "env vars + timeout": { compute: "cpu-cluster", script: "train.py", arguments: ["--lr", "0.1"], environment_variables: { A: "1" }, max_run_duration_seconds: 3600 },
  kubernetes: { compute: "k8s", script: "train.py", instance_type: "gpu-small" },
  local: { compute: "local", script: "train.py" },
};

describe("buildCommandJob", () => {
  it.each(Object.entries(KINDS))("writes only keys that azureml-examples job files or azure-ai-ml's job schema know (%s)", (_, input) => {
    const keys = keyPaths(buildCommandJob(input, place));
    const unknown = keys.filter((k) => !exampleKeys.has(k) && !schemaKeys.has(k));
    expect(unknown).toEqual([]);
    expect(keys).toEqual(expect.arrayContaining(["$schema", "type", "code", "command", "environment", "compute", "resources.instance_count"]));
  });

  it("expresses the basic, docker/conda and distributed examples key for key", () => {
    const hello = buildCommandJob({ compute: "local", script: "hello.py", docker: { enabled: true, base_image: "library/python:latest" }, environment_variables: { hello_env_var: "hello world" } }, place);
    expect(hello.environment).toEqual(examples["basics__hello-world-env-var.yml"]!.environment);
    expect(hello.environment_variables).toEqual(examples["basics__hello-world-env-var.yml"]!.environment_variables);

    const dask = examples["single-step__dask__nyctaxi__job.yml"]!;
    const daskJob = buildCommandJob({ compute: "cpu-cluster-lg", script: "startDask.py", node_count: 4, distribution: { type: "pytorch" }, docker: { enabled: true, base_image: dask.environment.image }, conda_file: "jobs/conda.yaml", experiment_name: dask.experiment_name, display_name: dask.display_name }, place);
    for (const key of ["environment", "compute", "resources", "distribution", "experiment_name", "display_name"]) expect(daskJob[key]).toEqual(dask[key]);

    const cifar = examples["single-step__pytorch__cifar-distributed__job.yml"]!;
    const cifarJob = buildCommandJob({ compute: "gpu-cluster", script: "train.py", node_count: 2, distribution: { type: "pytorch", process_count_per_instance: 1 }, environment: cifar.environment }, place);
    for (const key of ["environment", "compute", "resources", "distribution"]) expect(cifarJob[key]).toEqual(cifar[key]);

    const mnist = examples["single-step__tensorflow__mnist-distributed__job.yml"]!;
    const mnistJob = buildCommandJob({ compute: "gpu-cluster", script: "train.py", node_count: 2, distribution: { type: "tensorflow", worker_count: 2 } }, place);
    for (const key of ["compute", "resources", "distribution"]) expect(mnistJob[key]).toEqual(mnist[key]);

    const mpi = examples["single-step__gpu_perf__gpu_perf_job.yml"]!;
    const mpiJob = buildCommandJob({ compute: "gpu-cluster", script: "perf.py", communicator: "OpenMpi" }, place);
    for (const key of ["compute", "resources", "distribution"]) expect(mpiJob[key]).toEqual(mpi[key]);
  });

  it("maps the v1 parameters to v2 keys, with paths relative to the job file", () => {
    expect(buildCommandJob(KINDS["docker + conda"]!, place)).toEqual({
      $schema: COMMAND_JOB_SCHEMA,
      type: "command",
      code: "..",
      command: "python train.py",
      environment: { image: "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04", conda_file: "../conda.yaml" },
      compute: "azureml:cpu-cluster",
      resources: { instance_count: 1, docker_args: "--shm-size 8g" },
    });
    const env = buildCommandJob({ ...KINDS["env vars + timeout"]!, arguments: ["--name", "two words"], code: "src" }, place);
    expect(env).toMatchObject({ code: "../src", command: "python train.py --name 'two words'", limits: { timeout: 3600 }, environment: { image: "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04" } });
    expect(buildCommandJob(KINDS.tensorflow!, place).distribution).toEqual({ type: "tensorflow", worker_count: 2, parameter_server_count: 1 });
    expect(buildCommandJob(KINDS.kubernetes!, place).resources).toEqual({ instance_count: 1, instance_type: "gpu-small" });
    expect(buildCommandJob(KINDS.local!, place).compute).toBe("local");
  });

  it("renders YAML that loads back to the same job, under a header naming the submit command", () => {
    const text = renderCommandJob(KINDS.pytorch!, place, "jobs/train.yml");
    expect(text.split("\n")[0]).toBe('# Written by computeflow. Submit with `az ml job create -f jobs/train.yml` or azure-ai-ml load_job("jobs/train.yml").');
    expect(load(text)).toEqual(buildCommandJob(KINDS.pytorch!, place));
  });
});
