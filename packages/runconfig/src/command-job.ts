import { dump } from "js-yaml";
import { dirname, relative, resolve } from "node:path";
import { DEFAULT_DOCKER_IMAGE } from "./check.js";
import type { RunConfigWith } from "./with-schema.js";

/** The published JSON Schema every azureml-examples command job names. */
export const COMMAND_JOB_SCHEMA = "https://azuremlschemas.azureedge.net/latest/commandJob.schema.json";

/** Where the job file and the paths it names live, so `code` and `conda_file` resolve from the job file. */
export interface CommandJobPlace {
  workflowDir: string;
  /** Absolute path of the job file. */
  jobFile: string;
}

type Distribution = NonNullable<RunConfigWith["distribution"]>;

/** v1 communicator -> v2 distribution (azureml-core MpiConfiguration / PyTorchConfiguration / TensorflowConfiguration). */
export function distributionFor(input: RunConfigWith): Distribution | undefined {
  if (input.distribution) return input.distribution;
  switch (input.communicator) {
    case "OpenMpi":
    case "IntelMpi":
      return { type: "mpi", process_count_per_instance: 1 };
    case "Nccl":
    case "Gloo":
      return { type: "pytorch", process_count_per_instance: 1 };
    case "ParameterServer":
      return { type: "tensorflow", worker_count: input.node_count ?? 1, parameter_server_count: 1 };
    default:
      return undefined;
  }
}

function fromJobDir(place: CommandJobPlace, path: string): string {
  const rel = relative(dirname(place.jobFile), resolve(place.workflowDir, path)).split("\\").join("/");
  return rel === "" ? "." : rel;
}

function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `python <script> <arguments>` as the command line the job runs. */
export function commandLine(input: RunConfigWith): string {
  return ["python", input.script ?? "", ...(input.arguments ?? [])].filter((w) => w !== "").map(shellWord).join(" ");
}

function environmentOf(input: RunConfigWith, place: CommandJobPlace): string | Record<string, string> {
  if (input.environment !== undefined) return input.environment;
  const image = input.docker?.base_image ?? DEFAULT_DOCKER_IMAGE;
  return input.conda_file === undefined ? { image } : { image, conda_file: fromJobDir(place, input.conda_file) };
}

/**
 * The v2 command job (`az ml job create -f`, azure-ai-ml `load_job`) for a configure-run
 * step, in the key order of the azureml-examples job files.
 */
export function buildCommandJob(input: RunConfigWith, place: CommandJobPlace): Record<string, unknown> {
  const local = input.compute === "local";
  const resources: Record<string, unknown> = { instance_count: input.node_count ?? 1 };
  if (input.instance_type !== undefined) resources.instance_type = input.instance_type;
  if (input.docker?.arguments?.length) resources.docker_args = input.docker.arguments.map(shellWord).join(" ");
  const distribution = distributionFor(input);
  return {
    $schema: COMMAND_JOB_SCHEMA,
    type: "command",
    code: fromJobDir(place, input.code ?? "."),
    command: commandLine(input),
    environment: environmentOf(input, place),
    compute: local ? "local" : `azureml:${input.compute}`,
    resources,
    ...(distribution ? { distribution } : {}),
    ...(input.environment_variables && Object.keys(input.environment_variables).length ? { environment_variables: input.environment_variables } : {}),
    ...(input.max_run_duration_seconds !== undefined ? { limits: { timeout: input.max_run_duration_seconds } } : {}),
    ...(input.experiment_name !== undefined ? { experiment_name: input.experiment_name } : {}),
    ...(input.display_name !== undefined ? { display_name: input.display_name } : {}),
  };
}

export function renderCommandJob(input: RunConfigWith, place: CommandJobPlace, path: string): string {
  const header = `# Written by computeflow. Submit with \`az ml job create -f ${path}\` or azure-ai-ml load_job("${path}").\n`;
  return header + dump(buildCommandJob(input, place), { lineWidth: -1, noRefs: true });
}
