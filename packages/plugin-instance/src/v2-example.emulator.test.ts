import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startEmulator } from "@computeflow/emulator";
import type { RunningEmulator } from "@computeflow/emulator";
import { load } from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleCopy, runExample } from "@computeflow/compute-kit/testing";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.02, ssh: false });
});
afterAll(async () => emulator?.close());

const finished = (events: { type: string }[]) => Object.fromEntries(events.filter((e) => e.type === "step_finished").map((e) => [(e as any).step, (e as any).status]));

describe("examples/v2-jobs.yaml end to end (core engine + emulator)", () => {
  it("runs green: a cluster with idle scale-down, an instance with idle shutdown and a stop schedule, a v2 job for each; the second run is a no-op", async () => {
    const dir = exampleCopy("v2-jobs.yaml", "environment.yml");
    const file = join(dir, "v2-jobs.yaml");
    const first = await runExample(emulator, file, "run");
    expect(first.status).toBe("succeeded");
    expect(finished(first.events)).toEqual({ "cpu-cluster": "succeeded", "train-on-cluster": "succeeded", "notebook-v2": "succeeded", "train-on-instance": "succeeded" });

    const cluster = load(readFileSync(join(dir, "jobs/train-on-cluster.yml"), "utf8")) as Record<string, any>;
    expect(cluster).toMatchObject({
      type: "command",
      command: "python train.py --epochs 10",
      compute: "azureml:cpu-cluster",
      environment: { image: "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04", conda_file: "../environment.yml" },
      resources: { instance_count: 2 },
      distribution: { type: "pytorch", process_count_per_instance: 1 },
      limits: { timeout: 3600 },
    });
    const instance = load(readFileSync(join(dir, "jobs/train-on-instance.yml"), "utf8")) as Record<string, any>;
    expect(instance).toMatchObject({ compute: "azureml:notebook-v2", environment: "azureml:AzureML-sklearn-1.5@latest", resources: { instance_count: 1 } });

    const created = emulator.requests().filter((r) => r.method === "PUT").map((r) => (r.body as any).properties);
    expect(created.map((p) => p.computeType).sort()).toEqual(["AmlCompute", "ComputeInstance"]);
    expect(created.find((p) => p.computeType === "AmlCompute").properties.scaleSettings).toMatchObject({ minNodeCount: 0, nodeIdleTimeBeforeScaleDown: "PT600S" });
    expect(created.find((p) => p.computeType === "ComputeInstance").properties).toMatchObject({ idleTimeBeforeShutdown: "PT60M", schedules: { computeStartStop: [{ action: "Stop", triggerType: "Cron" }] } });

    const writes = emulator.requests().filter((r) => r.method !== "GET").length;
    const second = await runExample(emulator, file, "run");
    expect(second.status).toBe("succeeded");
    expect(second.events.filter((e) => e.type === "step_planned").map((e) => [(e as any).step, (e as any).change]).sort()).toEqual([
      // steps plan concurrently (early pre-flight plans), so their events come in any order
      ["cpu-cluster", "noop"], ["notebook-v2", "noop"], ["train-on-cluster", "noop"], ["train-on-instance", "noop"],
    ]);
    expect(emulator.requests().filter((r) => r.method !== "GET").length).toBe(writes);
  });
});
