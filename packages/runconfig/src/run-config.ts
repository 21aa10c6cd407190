/**
 * The v1 `.runconfig` document that azureml-core's `RunConfiguration.load` and
 * `az ml run submit-script -c` read. Field names follow azureml-core's serialised
 * (camelCase) form.
 */
export type Framework = "python" | "pyspark";

export interface DockerSettings {
  enabled: boolean;
  baseImage?: string;
  gpuSupport?: boolean;
  sharedVolumes?: boolean;
  arguments?: string[];
}

/** Either AzureML builds a Conda env from a file, or the user manages Python. */
export type PythonSettings =
  | { condaFile: string; userManaged?: false }
  | { userManaged: true; interpreterPath: string };

export interface RunConfigSpec {
  /** Compute target name in the workspace. */
  target: string;
  framework: Framework;
  nodeCount?: number;
  communicator?: "None" | "ParameterServer" | "OpenMpi" | "IntelMpi" | "Gloo" | "Nccl";
  script?: string;
  arguments?: string[];
  maxRunDurationSeconds?: number;
  docker?: DockerSettings;
  python?: PythonSettings;
  environmentVariables?: Record<string, string>;
}

const FRAMEWORK_NAMES: Record<Framework, string> = { python: "Python", pyspark: "PySpark" };

export function buildRunConfig(spec: RunConfigSpec): Record<string, unknown> {
  const python = spec.python;
  const docker = spec.docker ?? { enabled: false };
  return {
    script: spec.script ?? null,
    arguments: spec.arguments ?? [],
    target: spec.target,
    framework: FRAMEWORK_NAMES[spec.framework],
    communicator: spec.communicator ?? "None",
    maxRunDurationSeconds: spec.maxRunDurationSeconds ?? null,
    nodeCount: spec.nodeCount ?? 1,
    environment: {
      environmentVariables: spec.environmentVariables ?? {},
      python: {
        userManagedDependencies: python?.userManaged === true,
        interpreterPath: python?.userManaged === true ? python.interpreterPath : "python",
        condaDependenciesFile: python && python.userManaged !== true ? python.condaFile : null,
      },
      docker: {
        enabled: docker.enabled,
        baseImage: docker.enabled ? (docker.baseImage ?? null) : null,
        gpuSupport: docker.gpuSupport ?? false,
        sharedVolumes: docker.sharedVolumes ?? true,
        arguments: docker.arguments ?? [],
      },
    },
    history: { outputCollection: true, snapshotProject: true, directoriesToWatch: ["logs"] },
  };
}
