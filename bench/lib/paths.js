import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

export const benchDir = dirname(dirname(fileURLToPath(import.meta.url)));
export const repoRoot = dirname(benchDir);
export const cliBin = join(repoRoot, "packages", "cli", "bin", "computeflow.js");
export const probeFile = join(benchDir, "lib", "probe.js");
export const resultsDir = join(benchDir, "results");
