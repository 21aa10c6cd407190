import { join } from "node:path";
import { describe, it } from "vitest";
import { cliDir, diagnostics, runCli } from "./__fixtures__/run-cli.js";

const dir = "src/__fixtures__/workflows";

describe.concurrent("computeflow validate (child process)", () => {
  it("accepts a valid file: exit 0, a valid line and a summary", async ({ expect }) => {
    const run = await runCli(["validate", `${dir}/valid.yaml`]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${dir}/valid.yaml: valid (3 steps)\n1 file valid\n`);
  });

  it("prints warnings as warning[CODE] and still exits 0", async ({ expect }) => {
    const run = await runCli(["validate", `${dir}/warning.yaml`]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`${dir}/warning.yaml:12:16: warning[W_OLD_SIZE]: BASIC_A0 is a retired size\n  hint: pick a current size\n`);
    expect(run.stdout).toBe(`${dir}/warning.yaml: valid (1 step)\n1 warning in 1 file\n`);
  });

  it("reports every problem of a file in one run", async ({ expect }) => {
    const run = await runCli(["validate", `${dir}/many-problems.yaml`]);
    expect(run.code).toBe(2);
    const codes = diagnostics(run.stderr).map((d) => `${d.code}@${d.line}`);
    expect(codes).toEqual(expect.arrayContaining(["E_COMPUTE_NAME@11", "E_SCHEMA@14", "E_LITERAL_SECRET@15", "E_UNKNOWN_STEP@19", "E_EXPRESSION@21"]));
    expect(run.stderr).toMatch(/\d+ errors in 1 file\n$/);
  });

  it("checks several files in one run and fails if any has an error", async ({ expect }) => {
    const run = await runCli(["validate", `${dir}/valid.yaml`, `${dir}/cycle.yaml`]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`${dir}/valid.yaml: valid`);
    expect(diagnostics(run.stderr).map((d) => d.file)).toEqual([`${dir}/cycle.yaml`]);
    expect(run.stderr).toContain("1 error in 2 files");
  });

  it("reports a workflow file that does not exist", async ({ expect }) => {
    const run = await runCli(["validate", `${dir}/nope.yaml`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("E_FILE_NOT_FOUND");
    expect(run.stderr).toContain("nope.yaml");
  });

  it("never prints a literal secret it complains about", async ({ expect }) => {
    const run = await runCli(["validate", `${dir}/literal-secret.yaml`]);
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).not.toContain("hunter2-literal");
  });

  it("accepts names at the limits: a 24-character compute instance name", async ({ expect }) => {
    const run = await runCli(["validate", `${dir}/compute-names.yaml`]);
    expect(diagnostics(run.stderr).filter((d) => d.line === 41)).toEqual([]);
  });

  it("prints machine-readable results with --json", async ({ expect }) => {
    const run = await runCli(["validate", "--json", `${dir}/valid.yaml`, `${dir}/cycle.yaml`]);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as { valid: boolean; files: { file: string; valid: boolean; problems: { code: string; location: { line: number } }[] }[] };
    expect(report.valid).toBe(false);
    expect(report.files.map((f) => [f.file, f.valid])).toEqual([
      [`${dir}/valid.yaml`, true],
      [`${dir}/cycle.yaml`, false],
    ]);
    expect(report.files[1]!.problems[0]).toMatchObject({ code: "E_CYCLE", location: { line: 13 } });
  });
});

describe.concurrent("computeflow validate (child process): global options", () => {
  const example = join(cliDir, "../../examples/first-workflow.yaml");

  it("applies --input values, and reports a bad one at the input's definition", async ({ expect }) => {
    expect((await runCli(["validate", example, "--input", "max_nodes=8"])).code).toBe(0);
    const run = await runCli(["--input", "max_nodes=many", "validate", example]);
    expect(run.code).toBe(2);
    expect(diagnostics(run.stderr)).toContainEqual(expect.objectContaining({ code: "E_INPUT", line: 13, column: 3 }));
  });

  it("rejects an --input the workflow does not declare", async ({ expect }) => {
    const run = await runCli(["validate", `${dir}/valid.yaml`, "--input", "nope=1"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("error[E_INPUT]: --input nope: the workflow has no input `nope`");
  });

  it("reports a --secrets-file that cannot be read", async ({ expect }) => {
    const run = await runCli(["validate", `${dir}/valid.yaml`, "--secrets-file", "missing.env"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/error\[E_INPUT\]: cannot read the secrets file .*missing\.env/);
  });
});

describe.concurrent("computeflow graph (child process)", () => {
  it("prints a Mermaid flowchart of the steps and their dependencies", async ({ expect }) => {
    const run = await runCli(["graph", `${dir}/valid.yaml`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        "flowchart TD",
        '  n0["cpu-cluster (computeflow-plugin-fixture/provision)"]',
        '  n1["notebook-box (computeflow-plugin-fixture/create-instance)"]',
        '  n2["cpu-run (computeflow-plugin-fixture/configure-run)"]',
        "  n0 --> n2",
        "  n1 --> n2",
        "",
      ].join("\n"),
    );
  });

  it("prints DOT with --format dot", async ({ expect }) => {
    const run = await runCli(["graph", `${dir}/valid.yaml`, "--format", "dot"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^digraph "fixture-valid" \{/);
    expect(run.stdout).toContain('"cpu-cluster" -> "cpu-run";');
  });

  it("refuses a cyclic workflow with the cycle, exit 2", async ({ expect }) => {
    const run = await runCli(["graph", `${dir}/cycle.yaml`]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`${dir}/cycle.yaml:13:3: error[E_CYCLE]: cycle: alpha -> gamma -> alpha`);
    expect(run.stderr).toContain("nothing was sent to Azure");
  });

  it("rejects an unknown format as a usage error", async ({ expect }) => {
    const run = await runCli(["graph", `${dir}/valid.yaml`, "--format", "png"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("error[E_USAGE]");
    expect(run.stderr).toContain("mermaid");
  });
});

describe.concurrent("computeflow schema / plugins (child process)", () => {
  it("prints the envelope JSON Schema", async ({ expect }) => {
    const run = await runCli(["schema"]);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout) as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(expect.arrayContaining(["version", "workspace", "steps"]));
    expect(Object.keys(schema.properties)).toContain("steps");
  });

  it("prints one plugin action's `with` schema", async ({ expect }) => {
    const run = await runCli(["schema", "--plugin", "fixture", "--action", "provision"], { cwd: join(cliDir, "src/__fixtures__") });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ required: ["vm_size"], properties: { max_nodes: { minimum: 1 } } });
  });

  it("says which actions exist when asked for another one", async ({ expect }) => {
    const run = await runCli(["schema", "--plugin", "fixture", "--action", "explode"], { cwd: join(cliDir, "src/__fixtures__") });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error[E_UNSUPPORTED_ACTION]: plugin fixture has no action "explode"');
    expect(run.stderr).toContain("its actions: provision, create-instance, attach, configure-run");
  });

  it("needs --plugin and --action together", async ({ expect }) => {
    const run = await runCli(["schema", "--action", "provision"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("error[E_USAGE]: --action needs --plugin");
  });

  it("lists installed plugins as a table: name, actions, package@version", async ({ expect }) => {
    const run = await runCli(["plugins"], { cwd: join(cliDir, "src/__fixtures__") });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^fixture\s+provision, create-instance, attach, configure-run {2}\(computeflow-plugin-fixture@1\.2\.3\)$/m);
    expect(run.stdout).toMatch(/^amlcompute\s+.*\bprovision\b.* {2}\(@computeflow\/plugin-amlcompute@/m);
    expect(run.stdout).toMatch(/^aci\s+unsupported: Azure Container Instances \(ACI\) are created dynamically .* {2}\(@computeflow\/plugin-aci@/m);
    expect(run.stdout).not.toContain("cannot load");
  });

  it("lists installed plugins with their actions", async ({ expect }) => {
    const run = await runCli(["plugins", "--json"], { cwd: join(cliDir, "src/__fixtures__") });
    expect(run.code).toBe(0);
    const plugins = JSON.parse(run.stdout) as { name: string; packageName: string; version?: string; actions: string[] }[];
    expect(plugins).toContainEqual({ name: "fixture", packageName: "computeflow-plugin-fixture", version: "1.2.3", actions: ["provision", "create-instance", "attach", "configure-run"] });
    expect(plugins.find((p) => p.packageName === "@computeflow/plugin-aci")).toMatchObject({ name: "aci", actions: [], unsupported: { reason: expect.stringMatching(/created dynamically/), hint: expect.stringMatching(/amlcompute/) } });
    expect(plugins.filter((p) => "error" in p)).toEqual([]);
  });
});
