import { afterAll, describe, it } from "vitest";
import { diagnostics, runCli } from "./__fixtures__/run-cli.js";
import { hangingPlugins, workflowUsing } from "./__fixtures__/hostile/hanging-plugins.js";
import { tempProject } from "./__fixtures__/hostile/temp-project.js";

const project = tempProject({
  ...hangingPlugins,
  "hang-import.yaml": workflowUsing("hang-import"),
  "hang-plan.yaml": workflowUsing("hang-plan"),
  "hang-action.yaml": workflowUsing("hang-action"),
});
afterAll(() => project.remove());
const env = { COMPUTEFLOW_PLUGIN_TIMEOUT_SECONDS: "1" };

describe.concurrent("a plugin that never settles (child process)", () => {
  it("at import (top-level await): validate reports E_PLUGIN naming the plugin and `import` at uses:, exit 2", async ({ expect }) => {
    const run = await runCli(["validate", "hang-import.yaml"], { cwd: project.dir, env });
    expect(run.code).toBe(2);
    const found = diagnostics(run.stderr);
    expect(found).toMatchObject([{ code: "E_PLUGIN", line: 6, column: 11 }]);
    expect(found[0]!.message).toMatch(/plugin \.\/plugins\/hang-import\.js did not finish import within 1 s/);
  });

  it.for(["plan", "action"])("in its %s hook: run fails the step with E_PLUGIN naming plugin and hook, exit 1", async (hook, { expect }) => {
    const run = await runCli(["run", `hang-${hook}.yaml`, "--emulator"], { cwd: project.dir, env: { ...env, CI: "1" } });
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toMatch(new RegExp(`E_PLUGIN.*plugin "hang-${hook}" \\(\\./plugins/hang-${hook}\\.js\\) did not finish ${hook === "plan" ? "plan" : "configure-run"} within 1 s`));
  });

  it("a bad COMPUTEFLOW_PLUGIN_TIMEOUT_SECONDS is a usage error", async ({ expect }) => {
    const run = await runCli(["validate", "hang-plan.yaml"], { cwd: project.dir, env: { COMPUTEFLOW_PLUGIN_TIMEOUT_SECONDS: "soon" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/error\[E_USAGE\]: COMPUTEFLOW_PLUGIN_TIMEOUT_SECONDS must be a positive number/);
  });
});
