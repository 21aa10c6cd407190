import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadWorkflow } from "@computeflow/core";

const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), "../../../examples");
const env = { AZURE_SUBSCRIPTION_ID: "00000000-0000-0000-0000-000000000000" };

async function load(yamlSteps: string, extraEnv: Record<string, string> = {}) {
  const dir = await mkdtemp(join(tmpdir(), "aks-wf-"));
  const file = join(dir, "wf.yaml");
  await writeFile(file, `version: 1\nname: t\nworkspace: { subscription_id: s, resource_group: ml-rg, name: ml-ws }\nsteps:\n${yamlSteps}`);
  return loadWorkflow(file, { env: { ...env, ...extraEnv } });
}

const errors = (r: { problems: { severity: string; code: string; message: string; location?: { line: number; column: number } }[] }) =>
  r.problems.filter((p) => p.severity === "error").map((p) => `${p.location?.line}:${p.location?.column} ${p.code} ${p.message}`);

describe("AKS workflows", () => {
  it("the examples validate", async () => {
    for (const name of ["aks-provision.yaml", "aks-attach.yaml"]) {
      const result = await loadWorkflow(join(EXAMPLES, name), { env });
      expect(errors(result), name).toEqual([]);
      expect(result.workflow?.steps.every((s) => s.uses === "aks")).toBe(true);
    }
  });

  it("reports a bad purpose at its position", async () => {
    const result = await load("  aks1:\n    uses: aks\n    action: provision\n    with:\n      cluster_purpose: Production\n");
    expect(errors(result)).toEqual([expect.stringMatching(/^9:24 E_SCHEMA .*(DevTest|FastProd)/)]);
  });

  it("refuses a literal TLS key and a half-given certificate", async () => {
    const result = await load("  aks1:\n    uses: aks\n    action: attach\n    with:\n      resource_group: ml-rg\n      cluster_name: aks-prod\n      ssl_cname: x.contoso.com\n      ssl_key: not-a-secret-reference\n");
    const found = errors(result).join("\n");
    expect(found).toMatch(/E_LITERAL_SECRET/);
    expect(found).toMatch(/not all TLS information provided/);
    expect(found).not.toContain("not-a-secret-reference");
  });

  it("refuses attaching the same cluster twice", async () => {
    const step = (id: string) => `  ${id}:\n    uses: aks\n    action: attach\n    with: { resource_group: ml-rg, cluster_name: aks-prod }\n`;
    const result = await load(step("aks-a") + step("aks-b"));
    expect(errors(result).join("\n")).toMatch(/E_DUPLICATE_ATTACHMENT/);
  });
});
