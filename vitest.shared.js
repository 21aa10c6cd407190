// Shared vitest settings: tests run against workspace sources (the "computeflow-source"
// export condition), never against stale dist output. When VITEST_JSON_DIR is set (CI),
// each package also writes a JSON report there for .ci/summarize.mjs.
// COMPUTEFLOW_SPEC_ORACLE=1 makes every emulator a test starts check compute request and
// response bodies against the REST spec (packages/emulator/spec): a body the spec rejects
// fails the test that sent or received it.
import { basename } from "node:path";
import { defineConfig } from "vitest/config";

const conditions = ["computeflow-source", "node", "import", "default"];
const jsonDir = process.env.VITEST_JSON_DIR;

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ["computeflow-source"] } },
  test: {
    include: ["src/**/*.test.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 30_000,
    passWithNoTests: true,
    env: { COMPUTEFLOW_SPEC_ORACLE: "1" },
    reporters: jsonDir ? ["default", ["json", { outputFile: `${jsonDir}/${basename(process.cwd())}.json` }]] : ["default"],
  },
});
