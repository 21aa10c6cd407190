import { afterAll, describe, expect, it } from "vitest";
import { diagnostics, runCli } from "./__fixtures__/run-cli.js";
import { aliasBomb, tempProject } from "./__fixtures__/hostile/temp-project.js";

const header = ["version: 1", "name: bomb", "workspace: { subscription_id: s, resource_group: g, name: w }"];
const step = ["  cluster:", "    uses: amlcompute", "    action: provision", "    with:", "      vm_size: STANDARD_D2_V2"];

/** The bomb under a step's `tags:`, at the top of the file, and after the steps. */
const placements: Record<string, string[]> = {
  "under tags": [...header, "steps:", ...step, "      tags:", ...aliasBomb("        ")],
  "before the steps": [...header, "x-bomb:", ...aliasBomb("  "), "steps:", ...step],
  "after the steps": [...header, "steps:", ...step, "x-bomb:", ...aliasBomb("  ")],
};

const project = tempProject(Object.fromEntries(Object.entries(placements).map(([name, lines]) => [`${name.replace(/ /g, "-")}.yaml`, `${lines.join("\n")}\n`])));
afterAll(() => project.remove());

describe.concurrent("computeflow validate on a YAML alias bomb (child process)", () => {
  it.for(Object.entries(placements))("%s: E_YAML_LIMIT at the alias that crosses the cap, exit 2", async ([name, lines], { expect }) => {
    const file = `${name.replace(/ /g, "-")}.yaml`;
    const run = await runCli(["validate", file], { cwd: project.dir });
    expect(run.code).toBe(2);
    const found = diagnostics(run.stderr);
    expect(found.map((d) => d.code)).toEqual(["E_YAML_LIMIT"]);
    // Expanded nodes pass 100,000 at the first alias of level 5 (levels 1-4 add 74,718; *l4 adds 66,430).
    const line = lines.findIndex((l) => l.includes("l5: &l5")) + 1;
    expect(found[0]).toMatchObject({ file, line, column: lines[line - 1]!.indexOf("*l4") + 1 });
    expect(found[0]!.message).toMatch(/alias \*l4 takes the document over 100,000 nodes/);
    expect(run.stderr).not.toMatch(/heap|    at /);
  });

  it("a file over the size limit is refused before it is parsed", async () => {
    const big = tempProject({ "big.yaml": `${header.join("\n")}\n# ${"x".repeat(6 * 1024 * 1024)}\n` });
    try {
      const run = await runCli(["validate", "big.yaml"], { cwd: big.dir });
      expect(run.code).toBe(2);
      expect(diagnostics(run.stderr)).toMatchObject([{ code: "E_YAML_LIMIT", line: 1, column: 1 }]);
    } finally {
      big.remove();
    }
  });
});

it("anchors and aliases of ordinary size still load", async () => {
  const ok = tempProject({
    "ok.yaml": [...header, "steps:", ...["one", "two"].flatMap((id) => [`  ${id}:`, "    uses: amlcompute", "    action: provision", id === "one" ? "    with: &w { vm_size: STANDARD_D2_V2, max_nodes: 2 }" : "    with: *w"]), ""].join("\n"),
  });
  try {
    const run = await runCli(["validate", "ok.yaml"], { cwd: ok.dir });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  } finally {
    ok.remove();
  }
});
