/** The `with` of every `action: configure-run` step, in the Python SDK's snake_case. */
export interface RunConfigWith {
  compute: string;
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
  /** Where to write the file, relative to the workflow; defaults to `.azureml/<step>.runconfig`. */
  path?: string;
}

export const runConfigWithSchema = {
  type: "object",
  additionalProperties: false,
  required: ["compute"],
  properties: {
    compute: { type: "string", minLength: 1, description: "The attached or provisioned compute the run targets." },
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
    user_managed: { type: "boolean", description: "Use an existing Python environment instead of Conda." },
    interpreter_path: { type: "string", minLength: 1 },
    environment_variables: { type: "object", additionalProperties: { type: "string" } },
    path: { type: "string", minLength: 1 },
  },
} as const;
