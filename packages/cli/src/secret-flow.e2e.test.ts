import { existsSync } from "node:fs";
import { afterAll, describe, it } from "vitest";
import { diagnostics, runCli } from "./__fixtures__/run-cli.js";
import { tempProject } from "./__fixtures__/hostile/temp-project.js";

const SECRET = "Canary-Secret-41f0";
const lines = [
    "version: 1",
    "name: leak",
    "workspace: { subscription_id: 00000000-0000-0000-0000-000000000000, resource_group: ml-rg, name: ml-ws }",
    "steps:",
    "  cluster:",
    "    uses: amlcompute",
    "    action: provision",
    "    with:",
    "      vm_size: STANDARD_D2_V2",
    "      description: 'key ${{ secrets.LEAK }}'",
    "      tags: { owner: '${{ secrets.LEAK }}' }",
    "  job:",
    "    uses: local",
    "    action: configure-run",
    "    with:",
    "      script: train.py",
    "      environment_variables: { API_KEY: '${{ secrets.LEAK }}' }",
    "      arguments: ['--token', '${{ secrets.LEAK }}']",
];
const project = tempProject({ "leak.yaml": `${lines.join("\n")}\n` });
/** LINE:COL of the quoted value holding the (last) secret expression on the line holding `marker`. */
const at = (marker: string) => {
  const line = lines.findIndex((l) => l.includes(marker));
  const text = lines[line]!;
  return `${line + 1}:${text.lastIndexOf("'", text.lastIndexOf("${{")) + 1}`;
};
afterAll(() => project.remove());

describe.concurrent("secrets flow only into secret fields (child process)", () => {
  it("`secrets.*` in tags, description, environment_variables or arguments is E_SECRET_IN_PLAIN_FIELD at the value, with a hint", async ({ expect }) => {
    const run = await runCli(["validate", "leak.yaml"], { cwd: project.dir, env: { LEAK: SECRET } });
    expect(run.code).toBe(2);
    const found = diagnostics(run.stderr);
    expect(found.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(["description:", "tags:", "environment_variables:", "arguments:"].map((m) => `${at(m)} E_SECRET_IN_PLAIN_FIELD`));
    expect(found[0]).toMatchObject({ message: expect.stringMatching(/`description` reads a secret, but it is not a secret field/), hint: expect.stringMatching(/the only secret field here is `admin_user_password`; .*readable by anyone who can read the workspace/) });
    expect(found[2]).toMatchObject({ message: expect.stringMatching(/`environment_variables\.API_KEY` reads a secret/), hint: expect.stringMatching(/a job should read its secret at run time from a secret store/) });
    expect(run.stdout + run.stderr).not.toContain(SECRET);
  });

  it("run refuses the file before anything is written or sent", async ({ expect }) => {
    const run = await runCli(["run", "leak.yaml", "--emulator"], { cwd: project.dir, env: { LEAK: SECRET, CI: "1" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/nothing was sent to Azure/);
    expect(existsSync(project.path(".azureml"))).toBe(false);
    expect(existsSync(project.path("jobs"))).toBe(false);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
  });
});
