import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadWorkflow } from "@computeflow/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The 3-character minimum is Azure's rule for the name it receives: with unique_name that is
// the step's name plus "-" and 8 hex digits.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cf-instance-name-"));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function problems(withLine: string): Promise<string[]> {
  const file = join(dir, "wf.yaml");
  const yaml = `version: 1\nname: n\nworkspace: { subscription_id: s, resource_group: rg, name: ws }\nsteps:\n  ci:\n    uses: instance\n    action: provision\n    with: { ${withLine} }\n`;
  await writeFile(file, yaml);
  return (await loadWorkflow(file)).problems.map((p) => `${p.code} ${p.message}`);
}

describe("instance names shorter than 3 characters", () => {
  it("are accepted with unique_name: true (the final name is ci-xxxxxxxx)", async () => {
    expect(await problems("unique_name: true")).toEqual([]);
  });

  it("are refused without it", async () => {
    expect(await problems("unique_name: false")).toEqual([expect.stringMatching(/^E_COMPUTE_NAME compute name "ci" is 2 characters long/)]);
  });
});
