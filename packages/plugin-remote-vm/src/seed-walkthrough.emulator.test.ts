import { cp, mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWorkflow } from "@computeflow/core/testing";
import { startEmulator, type RunningEmulator } from "@computeflow/emulator";

const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), "../../../examples");
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.01 });
});
afterAll(() => emulator?.close());

const finished = (events: { type: string }[]) =>
  Object.fromEntries(events.filter((e): e is { type: "step_finished"; step: string; status: string } => e.type === "step_finished").map((e) => [e.step, e.status]));

describe("examples/seed-walkthrough.yaml through the real engine", () => {
  it("runs every target of the document green, writes files without secrets, and a second run changes nothing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "seed-"));
    await cp(join(EXAMPLES, "seed-walkthrough.yaml"), join(dir, "seed-walkthrough.yaml"));
    await cp(join(EXAMPLES, "environment.yml"), join(dir, "environment.yml"));
    const opts = { endpoint: emulator.endpoint, caCert: emulator.caCert, timeScale: 0.01, env: emulator.demoSecrets };
    const first = await runWorkflow(join(dir, "seed-walkthrough.yaml"), opts);
    expect(finished(first.events)).toEqual(Object.fromEntries(Object.keys(finished(first.events)).map((k) => [k, "succeeded"])));
    expect(first.status).toBe("succeeded");
    expect(Object.keys(first.outputs).sort()).toEqual(
      ["adla", "adla-step", "attach-dsvm", "batch-step", "cpu-cluster", "databricks", "databricks-step", "dsvm-run", "hdi-run", "instance", "mybatchcompute", "myhdi"].sort(),
    );
    const types = emulator.requests().filter((r) => r.method === "PUT").map((r) => (r.body as { properties: { computeType: string } }).properties.computeType);
    expect(types.sort()).toEqual(["AmlCompute", "Batch", "ComputeInstance", "DataLakeAnalytics", "Databricks", "HDInsight", "VirtualMachine"]);
    const files = await readdir(join(dir, ".azureml"));
    expect(files.sort()).toEqual(["adla-step.pipeline-step.yml", "batch-step.pipeline-step.yml", "databricks-step.pipeline-step.yml", "hdi-run.runconfig"]);
    expect(await readdir(join(dir, "jobs"))).toEqual(["dsvm-run.yml"]);
    const written = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
    expect(written.some((f) => f.includes(".computeflow"))).toBe(true);
    const everything = [JSON.stringify(first.events), ...(await Promise.all(written.map((f) => readFile(f, "utf8"))))].join("\n");
    for (const secret of Object.values(emulator.demoSecrets)) expect(everything).not.toContain(secret);

    const writes = emulator.requests().filter((r) => r.method !== "GET").length;
    const second = await runWorkflow(join(dir, "seed-walkthrough.yaml"), opts);
    expect(second.events.filter((e) => e.type === "step_finished" && e.status === "failed")).toEqual([]);
    expect(second.status).toBe("succeeded");
    const attachSteps = ["attach-dsvm", "myhdi", "mybatchcompute", "databricks", "adla"];
    for (const step of attachSteps) expect(finished(second.events)[step]).toBe("noop");
    expect(emulator.requests().filter((r) => r.method !== "GET").length).toBe(writes);

    const destroyed = await runWorkflow(join(dir, "seed-walkthrough.yaml"), { ...opts, mode: "destroy" });
    expect(destroyed.status).toBe("succeeded");
    const deletes = emulator.requests().filter((r) => r.method === "DELETE").map((r) => `${r.path.split("?")[0]!.split("/").pop()} ${/underlyingResourceAction=(\w+)/.exec(r.path)?.[1]}`);
    for (const step of attachSteps) expect(deletes).toContain(`${step} Detach`);
    expect(deletes.filter((d) => d.endsWith(" Delete"))).toHaveLength(2);
  });
});
