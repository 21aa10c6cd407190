import type { RunConfigProblem, TargetCapabilities } from "./check.js";
import { E_RUN_CONFIG } from "./check.js";
import type { RunConfigWith } from "./with-schema.js";

const V2_ONLY = ["environment", "code", "distribution", "instance_type", "experiment_name", "display_name"] as const;

/** Problems of a step that writes a v1 `.runconfig`: keys that exist only in a v2 job. */
export function checkV1Only(input: RunConfigWith): RunConfigProblem[] {
  return V2_ONLY.filter((key) => input[key] !== undefined).map((key) => ({
    path: `/${key}`,
    code: E_RUN_CONFIG,
    message: `${key} is a v2 command job key; this step writes a v1 .runconfig`,
    hint: "remove it, or remove `format: v1`",
  }));
}

/** Problems of a step that writes a v2 command job. */
export function checkV2(input: RunConfigWith, target: TargetCapabilities): RunConfigProblem[] {
  const problems: RunConfigProblem[] = [];
  const add = (path: string, message: string, hint: string) => problems.push({ path, code: E_RUN_CONFIG, message, hint });
  if (input.framework === "pyspark") add("/framework", "a v2 command job runs Python, not PySpark", "run Spark as a v2 spark job, or set format: v1");
  if (input.user_managed) add("/user_managed", "a v2 command job always runs in a container image; user_managed has no v2 key", "use environment (azureml:name:version) or docker.base_image with conda_file, or set format: v1");
  if (input.script === undefined) add("/script", "a v2 command job needs a command", "give script (and arguments): the job runs `python <script> <arguments>`");
  if (input.environment !== undefined && (input.docker?.base_image !== undefined || input.conda_file !== undefined)) {
    add("/environment", "environment names a registered environment; docker.base_image and conda_file describe an inline one", "keep one of the two");
  }
  if (input.distribution !== undefined && input.communicator !== undefined && input.communicator !== "None") {
    add("/communicator", "communicator and distribution both say how the job is distributed", "keep distribution (the v2 key)");
  }
  if (input.instance_type !== undefined && !target.kubernetes) add("/instance_type", `instance_type applies to Kubernetes compute, not ${target.kind}`, "remove instance_type");
  for (const key of ["gpu_support", "shared_volumes"] as const) {
    if (input.docker?.[key] !== undefined) {
      problems.push({ path: `/docker/${key}`, code: "W_NO_V2_KEY", severity: "warning", message: `docker.${key} has no v2 command job key and is not written`, hint: "remove it, or set format: v1" } as RunConfigProblem);
    }
  }
  return problems;
}
