import { copyFile, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runWorkflow } from "@computeflow/core/testing";

const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), "../../../examples");
// Nothing of a local run reaches Azure: an endpoint where nothing listens proves it.
const NOWHERE = { endpoint: "https://127.0.0.1:9", caCert: "" };

describe("examples/local-run.yaml through the real engine", () => {
  it("writes a v2 job (compute: local) and a v1 .runconfig (target: local), then changes nothing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "local-run-"));
    for (const f of ["local-run.yaml", "local-conda.yaml"]) await copyFile(join(EXAMPLES, f), join(dir, f));
    const first = await runWorkflow(join(dir, "local-run.yaml"), NOWHERE);
    expect(first.status).toBe("succeeded");
    expect(first.outputs).toEqual({
      "local-conda": { path: "jobs/local-conda.yml", target: "local", docker_version: null },
      "local-python": { path: ".azureml/local-python.runconfig", target: "local", docker_version: null },
    });
    expect(await readFile(join(dir, ".azureml/local-python.runconfig"), "utf8")).toMatch(/^target: local$/m);
    expect(await readFile(join(dir, "jobs/local-conda.yml"), "utf8")).toMatch(/^compute: local$/m);
    const second = await runWorkflow(join(dir, "local-run.yaml"), NOWHERE);
    const statuses = second.events.filter((e) => e.type === "step_finished").map((e) => (e as { status: string }).status);
    expect(statuses).toEqual(["noop", "noop"]);
  });
});
