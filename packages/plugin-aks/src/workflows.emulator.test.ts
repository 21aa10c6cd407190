import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runWorkflow } from "@computeflow/core/testing";
import { startEmulator, type RunningEmulator } from "@computeflow/emulator";

const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), "../../../examples");
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.01, ssh: false });
});
afterAll(() => emulator?.close());
beforeEach(() => emulator.reset());

const finished = (events: { type: string }[]) =>
  Object.fromEntries(events.filter((e): e is { type: "step_finished"; step: string; status: string } => e.type === "step_finished").map((e) => [e.step, e.status]));

describe("the AKS examples through the real engine", () => {
  for (const name of ["aks-provision.yaml", "aks-attach.yaml"]) {
    it(`${name} runs green, then a second run changes nothing`, async () => {
      const opts = { endpoint: emulator.endpoint, caCert: emulator.caCert, timeScale: 0.01 };
      const first = await runWorkflow(join(EXAMPLES, name), opts);
      expect(first.status).toBe("succeeded");
      for (const outputs of Object.values(first.outputs)) expect(outputs).toMatchObject({ provisioning_state: "Succeeded", id: expect.stringContaining("/computes/") });
      const writes = emulator.requests().filter((r) => r.method !== "GET").length;
      const second = await runWorkflow(join(EXAMPLES, name), opts);
      expect(second.status).toBe("succeeded");
      expect(Object.values(finished(second.events)).every((s) => s === "noop")).toBe(true);
      expect(emulator.requests().filter((r) => r.method !== "GET").length).toBe(writes);
    });
  }

  it("plan shows a TLS change of an attached cluster as reattach", async () => {
    const opts = { endpoint: emulator.endpoint, caCert: emulator.caCert, timeScale: 0.01 };
    await runWorkflow(join(EXAMPLES, "aks-attach.yaml"), opts);
    const dir = await mkdtemp(join(tmpdir(), "aks-tls-"));
    const text = (await readFile(join(EXAMPLES, "aks-attach.yaml"), "utf8")).replace("leaf_domain_label: contoso-ml", "leaf_domain_label: contoso-ml-v2");
    await writeFile(join(dir, "wf.yaml"), text);
    const before = emulator.requests().length;
    const plan = await runWorkflow(join(dir, "wf.yaml"), { ...opts, mode: "plan" });
    expect(plan.events.find((e) => e.type === "step_planned")).toMatchObject({ step: "aks-inference", change: "reattach" });
    expect(emulator.requests().slice(before).every((r) => r.method === "GET")).toBe(true);
  });

  it("destroy detaches what attach attached and deletes what provision created", async () => {
    const opts = { endpoint: emulator.endpoint, caCert: emulator.caCert, timeScale: 0.01 };
    for (const name of ["aks-attach.yaml", "aks-provision.yaml"]) {
      expect((await runWorkflow(join(EXAMPLES, name), opts)).status).toBe("succeeded");
      expect((await runWorkflow(join(EXAMPLES, name), { ...opts, mode: "destroy" })).status).toBe("succeeded");
    }
    const deletes = emulator.requests().filter((r) => r.method === "DELETE").map((r) => `${r.path.split("?")[0]!.split("/").pop()} ${/underlyingResourceAction=(\w+)/.exec(r.path)?.[1]}`);
    expect(deletes.sort()).toEqual(["aks-dev Delete", "aks-inference Detach", "aks-prod Delete"]);
    const again = await runWorkflow(join(EXAMPLES, "aks-attach.yaml"), { ...opts, mode: "destroy" });
    expect(again.events.filter((e) => e.type === "step_finished").map((e) => (e as { status: string }).status)).toEqual(["noop"]);
  });
});
