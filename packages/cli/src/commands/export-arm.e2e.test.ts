import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator, type RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliTo, target, tempDir } from "./__fixtures__/engine-e2e.js";

const examples = fileURLToPath(new URL("../../../../examples", import.meta.url));

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ timeScale: 0.02 });
});
afterAll(() => emu.close());

const sentWrites = () => emu.requests().filter((r) => r.method !== "GET");

describe("computeflow export --format arm", () => {
  it("writes the template to -o FILE: secrets as securestring parameters, no secret value anywhere, local steps named; nothing written to Azure", async () => {
    const dir = tempDir("export-arm");
    cpSync(examples, dir, { recursive: true });
    const { flags, env } = target(emu, dir, 0.02);
    emu.reset();
    const result = await runCliTo(["export", "seed-walkthrough.yaml", "--format", "arm", "-o", "template.json", ...flags], { cwd: dir, env: { ...env, ...emu.demoSecrets } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`wrote ${join(dir, "template.json")}`);
    const text = readFileSync(join(dir, "template.json"), "utf8");
    const template = JSON.parse(text) as { $schema: string; parameters: Record<string, { type: string; defaultValue?: unknown }>; resources: { type: string }[]; metadata: { localSteps: string[] } };
    expect(template.$schema).toBe("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#");
    expect(template.resources.length).toBeGreaterThan(0);
    expect(template.resources.every((r) => r.type === "Microsoft.MachineLearningServices/workspaces/computes")).toBe(true);
    expect(template.parameters["secrets_AML_VM_PASSWORD"]).toEqual({ type: "securestring", metadata: expect.any(Object) });
    for (const secret of Object.values(emu.demoSecrets)) expect(text).not.toContain(secret);
    expect(template.metadata.localSteps).toEqual(expect.arrayContaining(["hdi-run", "dsvm-run"]));
    expect(sentWrites()).toEqual([]);

    // a second export replaces computeflow's own file; a file someone else wrote is left alone
    const again = await runCliTo(["export", "seed-walkthrough.yaml", "--format", "arm", "-o", "template.json", ...flags], { cwd: dir, env: { ...env, ...emu.demoSecrets } });
    expect(again.code, again.stderr).toBe(0);
    writeFileSync(join(dir, "theirs.json"), '{"mine": true}\n');
    const refused = await runCliTo(["export", "seed-walkthrough.yaml", "--format", "arm", "-o", "theirs.json", ...flags], { cwd: dir, env: { ...env, ...emu.demoSecrets } });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("error[E_FILE_EXISTS]");
    expect(readFileSync(join(dir, "theirs.json"), "utf8")).toBe('{"mine": true}\n');
  }, 120_000);

  it("refuses a step that reads a local file into its body, naming it; nothing is written or sent", async () => {
    const dir = tempDir("export-arm-key");
    writeFileSync(join(dir, "id_ed25519"), "not used\n");
    writeFileSync(
      join(dir, "wf.yaml"),
      [
        "version: 1",
        "name: keyfile",
        "workspace:",
        "  subscription_id: ${{ env.AZURE_SUBSCRIPTION_ID }}",
        "  resource_group: ml-rg",
        "  name: ml-ws",
        "steps:",
        "  dsvm:",
        "    uses: remote-vm",
        "    action: attach",
        "    with:",
        "      resource_id: /subscriptions/${{ env.AZURE_SUBSCRIPTION_ID }}/resourceGroups/ml-rg/providers/Microsoft.Compute/virtualMachines/dsvm",
        "      username: azureuser",
        "      private_key_file: id_ed25519",
        "",
      ].join("\n"),
    );
    const { flags, env } = target(emu, dir, 0.02);
    emu.reset();
    const result = await runCliTo(["export", "wf.yaml", "--format", "arm", "-o", "template.json", ...flags], { cwd: dir, env });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/^wf\.yaml:8:3: error\[E_ARM_UNSUPPORTED\]: step dsvm: `private_key_file` names a local file.*\n  hint: /m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, "template.json"))).toBe(false);
    expect(sentWrites()).toEqual([]);
  }, 60_000);
});
