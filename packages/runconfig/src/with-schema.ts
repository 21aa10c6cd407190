/** The `with` of every `action: configure-run` step, in the Python SDK's snake_case. */
export interface RunConfigWith {
  compute: string;
  /** `v2` (default where v2 can run): a command job file; `v1`: a `.runconfig`. */
  format?: "v1" | "v2";
  framework?: "python" | "pyspark";
  node_count?: number;
  communicator?: "None" | "ParameterServer" | "OpenMpi" | "IntelMpi" | "Gloo" | "Nccl";
  script?: string;
  arguments?: string[];
  max_run_duration_seconds?: number;
  docker?: { enabled: boolean; base_image?: string; gpu_support?: boolean; shared_volumes?: boolean; arguments?: string[] };
  conda_file?: string;
  user_managed?: boolean;
  interpreter_path?: string;
  environment_variables?: Record<string, string>;
  /** v2: a registered environment (`azureml:name:version`, `azureml:name@latest`) instead of image + conda_file. */
  environment?: string;
  /** v2: the directory uploaded as the job's code, relative to the workflow (default: the workflow's directory). */
  code?: string;
  /** v2: distribution with its counts; derived from `communicator` when absent. */
  distribution?: { type: "mpi" | "pytorch" | "tensorflow"; process_count_per_instance?: number; parameter_server_count?: number; worker_count?: number };
  /** v2 on Kubernetes compute: the instance type the job asks for. */
  instance_type?: string;
  experiment_name?: string;
  display_name?: string;
  /** Where to write the file, relative to the workflow; defaults to `jobs/<step>.yml` (v2) or `.azureml/<step>.runconfig` (v1). */
  path?: string;
}

const count = { type: "integer", minimum: 1 } as const;

export const runConfigWithSchema = {
  type: "object",
  additionalProperties: false,
  required: ["compute"],
  properties: {
    compute: { type: "string", minLength: 1, description: "The attached or provisioned compute the run targets." },
    format: { enum: ["v1", "v2"], description: "v2 (default): an `az ml job create -f` command job; v1: a .runconfig (v1 support ended 2026-06-30)." },
    framework: { enum: ["python", "pyspark"], default: "python" },
    node_count: { type: "integer", minimum: 1 },
    communicator: { enum: ["None", "ParameterServer", "OpenMpi", "IntelMpi", "Gloo", "Nccl"] },
    script: { type: "string", minLength: 1 },
    arguments: { type: "array", items: { type: "string" } },
    max_run_duration_seconds: { type: "integer", minimum: 1 },
    docker: {
      type: "object",
      additionalProperties: false,
      required: ["enabled"],
      properties: {
        enabled: { type: "boolean" },
        base_image: { type: "string", minLength: 1 },
        gpu_support: { type: "boolean" },
        shared_volumes: { type: "boolean" },
        arguments: { type: "array", items: { type: "string" } },
      },
    },
    conda_file: { type: "string", minLength: 1, description: "Conda environment file, relative to the workflow." },
    user_managed: { type: "boolean", description: "Use an existing Python environment instead of Conda (v1 only)." },
    interpreter_path: { type: "string", minLength: 1 },
    environment_variables: { type: "object", additionalProperties: { type: "string" } },
    environment: { type: "string", pattern: "^azureml:", description: "v2: a registered environment, azureml:name:version or azureml:name@latest." },
    code: { type: "string", minLength: 1, description: "v2: the code directory, relative to the workflow (default: the workflow's directory)." },
    distribution: {
      type: "object",
      additionalProperties: false,
      required: ["type"],
      properties: {
        type: { enum: ["mpi", "pytorch", "tensorflow"] },
        process_count_per_instance: count,
        parameter_server_count: { type: "integer", minimum: 0 },
        worker_count: count,
      },
    },
    instance_type: { type: "string", minLength: 1, description: "v2 on Kubernetes compute: the instance type (resources.instance_type)." },
    experiment_name: { type: "string", minLength: 1 },
    display_name: { type: "string", minLength: 1 },
    path: { type: "string", minLength: 1 },
  },
} as const;
