import { dump } from "js-yaml";
import { buildRunConfig, type RunConfigSpec } from "./run-config.js";

const HEADER = "# Written by computeflow. Load with RunConfiguration.load() or `az ml run submit-script -c`.\n";

export function renderRunConfig(spec: RunConfigSpec): string {
  return HEADER + dump(buildRunConfig(spec), { lineWidth: -1, noRefs: true });
}
