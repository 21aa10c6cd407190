import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "vitest";
import { diagnostics, runCli } from "./__fixtures__/run-cli.js";
import { importTrace } from "./__fixtures__/hostile/import-trace.js";
import { tempProject } from "./__fixtures__/hostile/temp-project.js";

const outside = mkdtempSync(join(tmpdir(), "computeflow-outside-"));
const marker = (name: string) => join(outside, `${name}.ran`);
/** A plugin whose import alone leaves a marker file: if the marker exists, its code ran. */
const evilPlugin = (name: string) =>
  `import { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(marker(name))}, "ran");\nexport default { apiVersion: 1, name: "${name}", actions: { "configure-run": { schema: { type: "object" }, outputs: {} } }, configureRun: async () => ({ outputs: {} }) };\n`;
writeFileSync(join(outside, "evil.js"), evilPlugin("outside"));

const header = ["version: 1", "name: trust", "workspace: { subscription_id: 00000000-0000-0000-0000-000000000000, resource_group: ml-rg, name: ml-ws }", "steps:"];
const localRun = (id: string, extra: string[]) => [`  ${id}:`, "    uses: local", "    action: configure-run", ...extra];
const file = (lines: string[]) => `${lines.join("\n")}\n`;
const writes = [
  ...header,
  ...localRun("up", ["    with: { script: train.py, path: ../escaped.yml }"]),
  ...localRun("absolute", [`    with: { script: train.py, path: ${join(outside, "absolute.yml")} }`]),
  ...localRun("named", ["    name: ../../named-escape", "    with: { script: train.py }"]),
  ...localRun("overwrite", ["    with: { script: train.py, path: train.py }"]),
];
/** LINE:COL of the first `text` on the line holding `marker`. */
const at = (marker: string, text: string) => {
  const line = writes.findIndex((l) => l.includes(marker));
  return `${line + 1}:${writes[line]!.indexOf(text) + 1}`;
};

const project = tempProject({
  "train.py": "print('mine')\n",
  "plugins/evil.js": evilPlugin("inside"),
  "writes.yaml": file(writes),
  "plugin-outside.yaml": file([...header, "  relative:", "    uses: ../" + outside.split(/[\\/]/).pop() + "/evil.js", "    action: configure-run", "  absolute:", `    uses: ${join(outside, "evil.js")}`, "    action: configure-run"]),
  "plugin-inside.yaml": file([...header, "  mine:", "    uses: ./plugins/evil.js", "    action: configure-run", "  cluster:", "    uses: amlcompute", "    action: provision", "    with: { vm_size: STANDARD_D2_V2 }"]),
});
afterAll(() => {
  project.remove();
  rmSync(outside, { recursive: true, force: true });
});

describe("trust model (child process): a workflow file cannot reach outside its project", () => {
  it("writes outside the project root, by `path:` or `name:`, and over a user's file are located validate errors; run writes nothing", async ({ expect }) => {
    const run = await runCli(["validate", "writes.yaml"], { cwd: project.dir });
    expect(run.code).toBe(2);
    const found = diagnostics(run.stderr).map((d) => `${d.line}:${d.column} ${d.code}`);
    expect(found).toEqual([
      `${at("escaped.yml", "../escaped.yml")} E_PATH_OUTSIDE_PROJECT`,
      `${at("absolute.yml", outside)} E_PATH_OUTSIDE_PROJECT`,
      `${at("named-escape", "../../named-escape")} E_PATH_OUTSIDE_PROJECT`,
      `${at("path: train.py", "train.py }")} E_FILE_NOT_OURS`,
    ]);
    expect(run.stderr).toMatch(/step name "\.\.\/\.\.\/named-escape" names the file this step writes/);

    const attempt = await runCli(["run", "writes.yaml", "--emulator"], { cwd: project.dir, env: { CI: "1" } });
    expect(attempt.code).toBe(2);
    expect(existsSync(join(project.dir, "..", "escaped.yml"))).toBe(false);
    expect(existsSync(join(outside, "absolute.yml"))).toBe(false);
    expect(readFileSync(project.path("train.py"), "utf8")).toBe("print('mine')\n");
  });

  it("a local plugin outside the project is refused at `uses:` and never imported", async ({ expect }) => {
    const run = await runCli(["validate", "plugin-outside.yaml"], { cwd: project.dir });
    expect(run.code).toBe(2);
    const found = diagnostics(run.stderr);
    expect(found.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(["6:11 E_PATH_OUTSIDE_PROJECT", "9:11 E_PATH_OUTSIDE_PROJECT"]);
    expect(found[0]!.message).toMatch(/local plugin ".*evil\.js" is outside the project/);
    expect(existsSync(marker("outside"))).toBe(false);
  });

  it.for(["graph", "validate --no-plugins"])("`%s` runs no plugin code, not even a built-in plugin's", async (command, { expect }) => {
    const log = join(outside, `trace-${command.replace(/\W+/g, "-")}.log`);
    const run = await runCli([...command.split(" "), "plugin-inside.yaml"], { cwd: project.dir, env: { NODE_OPTIONS: importTrace(outside, log) } });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(log, "utf8")).toBe("");
    expect(existsSync(marker("inside"))).toBe(false);
  });

  it("plain `validate` does load plugins (the trace above would see them)", async ({ expect }) => {
    const log = join(outside, "trace-validate.log");
    const run = await runCli(["validate", "plugin-inside.yaml"], { cwd: project.dir, env: { NODE_OPTIONS: importTrace(outside, log) } });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(log, "utf8")).toMatch(/plugin-amlcompute/);
    expect(readFileSync(log, "utf8")).toMatch(/plugins\/evil\.js/);
  });
});
