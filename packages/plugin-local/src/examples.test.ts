import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadWorkflow } from "@computeflow/core";

const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), "../../../examples");
const env = { AZURE_SUBSCRIPTION_ID: "00000000-0000-0000-0000-000000000000" };
const errors = (r: { problems: { severity: string; code: string; message: string; location?: { line: number; column: number } }[] }) =>
  r.problems.filter((p) => p.severity === "error").map((p) => `${p.location?.line}:${p.location?.column} ${p.code} ${p.message}`);

describe("local workflows", () => {
  it("the example validates", async () => {
    const result = await loadWorkflow(join(EXAMPLES, "local-run.yaml"), { env });
    expect(errors(result)).toEqual([]);
    expect(result.workflow?.steps.map((s) => `${s.uses} ${s.action}`)).toEqual(["local configure-run", "local configure-run"]);
  });

  async function loadWith(lines: string[]) {
    const dir = await mkdtemp(join(tmpdir(), "local-wf-"));
    const file = join(dir, "wf.yaml");
    const head = ["version: 1", "name: t", "workspace: { subscription_id: s, resource_group: ml-rg, name: ml-ws }", "steps:", "  train:", "    uses: local", "    action: configure-run", "    with:"];
    await writeFile(file, [...head, ...lines.map((l) => `      ${l}`), ""].join("\n"));
    return errors(await loadWorkflow(file, { env }));
  }

  it("reports a missing Conda file and a compute (a local run has none) at their positions", async () => {
    expect(await loadWith(["conda_file: missing.yml", "compute: cpu-cluster"])).toEqual([
      expect.stringMatching(/^9:19 E_PATH_NOT_FOUND `conda_file`: no such file missing.yml/),
      "10:7 E_UNKNOWN_KEY unknown key `compute`",
    ]);
  });

  it("reports several nodes: the local computer is one", async () => {
    expect(await loadWith(["script: train.py", "node_count: 2"])).toEqual([expect.stringMatching(/^10:\d+ E_SCHEMA the local computer is one node/)]);
  });

  it("refuses a secret in a generated file's values at validate time, where it is written", async () => {
    const found = await loadWith(["script: train.py", "environment_variables:", "  TOKEN: ${{ secrets.API_TOKEN }}"]);
    // Core's E_SECRET_IN_PLAIN_FIELD reports it (once, in place of runconfig's own E_SECRET_IN_FILE at the same spot).
    expect(found.filter((p) => p.includes("E_SECRET_IN"))).toEqual(["11:16 E_SECRET_IN_PLAIN_FIELD `environment_variables.TOKEN` reads a secret, but it is not a secret field: the value would be written or sent in clear"]);
  });
});

