import type { Framework, RunConfigSpec } from "./run-config.js";
import type { RunConfigWith } from "./with-schema.js";
import { checkV1Only, checkV2 } from "./check-v2.js";
import { secretReferences } from "./secret-refs.js";
import { v1FormatWarning, v1OnlyWarning, type V1OnlyTarget } from "./lifecycle.js";

/** Structurally a core CheckProblem, so plugins can return these from ActionSpec.check. */
export interface RunConfigProblem {
  path: string;
  message: string;
  code?: string;
  hint?: string;
  /** Defaults to "error". */
  severity?: "error" | "warning";
}

/** What a compute target kind can run. */
export interface TargetCapabilities {
  /** Target kind as users know it ("HDInsight"). */
  kind: string;
  frameworks: readonly Framework[];
  /** Why Docker cannot run there; undefined when it can. */
  dockerUnsupported?: string;
  /** Set for targets v2 cannot run a job on (HDInsight): the step writes a v1 `.runconfig` and warns. */
  v1Only?: V1OnlyTarget;
  /** Kubernetes compute: the v2 job also names `resources.instance_type`. */
  kubernetes?: boolean;
}

/** The file a configure-run step writes: a v2 command job unless the target is v1-only or the step says `format: v1`. */
export function jobFormat(input: RunConfigWith, target?: Pick<TargetCapabilities, "v1Only">): "v1" | "v2" {
  return target?.v1Only !== undefined ? "v1" : (input.format ?? "v2");
}

export const DEFAULT_DOCKER_IMAGE = "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04";

/** A run configuration the target cannot run (Docker on HDInsight, PySpark on a VM ...). */
export const E_RUN_CONFIG = "E_RUN_CONFIG";

export function checkRunConfigWith(input: RunConfigWith, target: TargetCapabilities): RunConfigProblem[] {
  const problems: RunConfigProblem[] = [...checkFormat(input, target), ...secretReferences(input)];
  const framework = input.framework ?? "python";
  if (!target.frameworks.includes(framework)) {
    problems.push({
      path: "/framework",
      code: E_RUN_CONFIG,
      message: `framework ${framework} does not run on ${target.kind}`,
      hint: `use one of: ${target.frameworks.join(", ")}`,
    });
  }
  if (input.docker?.enabled && target.dockerUnsupported) {
    problems.push({
      path: "/docker/enabled",
      code: E_RUN_CONFIG,
      message: `Docker is not available on ${target.kind}: ${target.dockerUnsupported}`,
      hint: "remove `docker` or set `enabled: false`",
    });
  }
  if (input.user_managed && input.conda_file !== undefined) {
    problems.push({
      path: "/conda_file",
      message: "conda_file and user_managed: true exclude each other",
      hint: "AzureML builds a Conda environment from conda_file; with user_managed it uses interpreter_path as is",
    });
  }
  if (input.user_managed && input.interpreter_path === undefined) {
    problems.push({ path: "/interpreter_path", message: "user_managed: true needs interpreter_path", hint: "e.g. interpreter_path: /usr/bin/python3" });
  }
  if (!input.user_managed && input.interpreter_path !== undefined) {
    problems.push({ path: "/interpreter_path", message: "interpreter_path applies only with user_managed: true" });
  }
  if (input.docker && !input.docker.enabled && input.docker.base_image !== undefined) {
    problems.push({ path: "/docker/base_image", message: "base_image is ignored while docker.enabled is false", hint: "set enabled: true" });
  }
  return problems;
}

function checkFormat(input: RunConfigWith, target: TargetCapabilities): RunConfigProblem[] {
  if (target.v1Only !== undefined) {
    const refused: RunConfigProblem[] = input.format === "v2" ? [{ path: "/format", code: E_RUN_CONFIG, message: `${target.kind} has no Azure ML v2 job target`, hint: "remove `format: v2`" }] : [];
    return [...refused, v1OnlyWarning(target.v1Only, "a v1 .runconfig"), ...checkV1Only(input)];
  }
  if (jobFormat(input) === "v1") return [v1FormatWarning(), ...checkV1Only(input)];
  return checkV2(input, target);
}

export function specFromWith(input: RunConfigWith): RunConfigSpec {
  const docker = input.docker;
  return {
    target: input.compute,
    framework: input.framework ?? "python",
    nodeCount: input.node_count,
    communicator: input.communicator,
    script: input.script,
    arguments: input.arguments,
    maxRunDurationSeconds: input.max_run_duration_seconds,
    environmentVariables: input.environment_variables,
    docker: docker && {
      enabled: docker.enabled,
      baseImage: docker.enabled ? (docker.base_image ?? DEFAULT_DOCKER_IMAGE) : undefined,
      gpuSupport: docker.gpu_support,
      sharedVolumes: docker.shared_volumes,
      arguments: docker.arguments,
    },
    python: input.user_managed
      ? { userManaged: true, interpreterPath: input.interpreter_path ?? "python" }
      : input.conda_file !== undefined
        ? { condaFile: input.conda_file }
        : undefined,
  };
}
