// Resolves @computeflow/* workspace packages to their TypeScript sources, like the
// monorepo's own packages; a plugin outside this repository can drop the conditions.
import { defineConfig, mergeConfig } from "vitest/config";
import shared from "../../vitest.shared.js";

export default mergeConfig(shared, defineConfig({ test: { include: ["src/**/*.test.js", "test/**/*.test.js"] } }));
