import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load } from "js-yaml";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { assertAttachConformance, runStep } from "@computeflow/attach-kit/testing";
import { EMULATOR_WORKSPACE } from "@computeflow/core/testing";
import { defaultWorld, startEmulator, type RunningEmulator } from "@computeflow/emulator";
import plugin from "./index.js";

const HDI = `/subscriptions/${EMULATOR_WORKSPACE.subscriptionId}/resourceGroups/ml-rg/providers/Microsoft.HDInsight/clusters/hdi-spark`;
let emulator: RunningEmulator;
let password: string;

beforeAll(async () => {
  const world = defaultWorld();
  const group = world.subscriptions[0]!.resource_groups[0]!;
  group.hdinsight_clusters!.push({ ...group.hdinsight_clusters![0]!, name: "hdi-hadoop", kind: "HADOOP" });
  emulator = await startEmulator({ timeScale: 0.01, world: { ...world, canceled_computes: ["hdi-off"] } });
  password = emulator.demoSecrets.AML_HDI_PASSWORD!;
});
afterAll(() => emulator?.close());
beforeEach(() => emulator.reset());

const writes = () => emulator.requests().filter((r) => r.method !== "GET");
const input = (extra: Record<string, unknown> = {}) => ({ resource_id: HDI, ssh_port: 22, username: "sshuser", password, ...extra });
const attach = (name: string, extra: Record<string, unknown> = {}) => runStep(plugin, emulator, "attach", name, input(extra), { secrets: [password] });

describe("hdinsight attach against the emulator", () => {
  it("a Canceled compute fails its step at once, not at the timeout (attach-kit's readiness)", async () => {
    const run = await attach("hdi-off");
    expect(run.error).toMatchObject({ code: "E_PROVISIONING_FAILED", message: "attaching hdi-off failed: Canceled: the operation was canceled in Azure" });
  });

  it("passes core's conformance check (attach, configure-run, detach, coded errors, no secret leaks)", async () => {
    await assertAttachConformance(plugin, emulator, {
      name: "myhdi",
      attach: input(),
      configureRun: {},
      failing: { with: input({ resource_id: HDI.replace("hdi-spark", "hdi-hadoop") }), code: "E_NOT_SPARK" },
      secrets: [password],
    });
  });

  it("checks the cluster is Spark, logs in at <cluster>-ssh.azurehdinsight.net, and sends the HDInsight body once", async () => {
    const run = await attach("myhdi");
    expect(run.plan.change).toBe("attach");
    expect(run.plan.notes).toEqual([
      "the cluster exists and is a Spark cluster; SSH at hdi-spark-ssh.azurehdinsight.net",
      "SSH pre-flight passed: Ubuntu 18.04.6 LTS, no Docker",
    ]);
    expect(run.outputs).toEqual({ name: "myhdi", id: expect.stringMatching(/\/computes\/myhdi$/), resource_id: HDI, docker: "" });
    expect(writes()).toHaveLength(1);
    expect(writes()[0]!.body).toEqual({
      location: "westeurope",
      properties: {
        computeType: "HDInsight",
        resourceId: HDI,
        properties: { address: "hdi-spark-ssh.azurehdinsight.net", sshPort: 22, administratorAccount: { username: "sshuser", password } },
      },
    });
    expect(JSON.stringify(run.events)).not.toContain(password);
    expect((await attach("myhdi")).plan.change).toBe("noop");
  });

  it("blocks a missing cluster with ARM's message, a non-Spark cluster, and wrong credentials; nothing is sent", async () => {
    const missing = await attach("nohdi", { resource_id: HDI.replace("hdi-spark", "hdi-gone") });
    expect(missing.plan).toMatchObject({ change: "blocked", code: "E_NOT_FOUND" });
    expect(missing.plan.reason).toContain("The Resource 'Microsoft.HDInsight/clusters/hdi-gone' under resource group 'ml-rg' was not found");
    const hadoop = await attach("hadoop", { resource_id: HDI.replace("hdi-spark", "hdi-hadoop") });
    expect(hadoop.plan).toMatchObject({ change: "blocked", code: "E_NOT_SPARK", reason: expect.stringContaining("is a HADOOP cluster") });
    const wrong = await attach("wronghdi", { password: "nope-nope" });
    expect(wrong.plan).toMatchObject({ change: "blocked", code: "E_SSH_AUTH", reason: expect.stringContaining("sshuser at hdi-spark-ssh.azurehdinsight.net:22") });
    expect(writes()).toEqual([]);
  });

  it("guards against a second attachment of the cluster, and moves it with reattach: true", async () => {
    await attach("hdi-a");
    const second = await attach("hdi-b");
    expect(second.plan).toMatchObject({ change: "blocked", code: "E_DUPLICATE_ATTACHMENT" });
    expect(second.plan.hint).toContain("detach hdi-a first");
    const moved = await attach("hdi-b", { reattach: true });
    expect(moved.outputs).toMatchObject({ name: "hdi-b", resource_id: HDI });
    expect(writes().map((w) => `${w.method} ${w.path.split("?")[0]!.split("/").pop()}`)).toEqual(["PUT hdi-a", "DELETE hdi-a", "PUT hdi-b"]);
  });

  it("reattaches to change the SSH port setting only with reattach: true, and detaches", async () => {
    await attach("myhdi");
    const changed = await attach("myhdi", { address: "hdi-spark-ssh.azurehdinsight.net", ssh_port: 2222 });
    expect(changed.plan).toMatchObject({ change: "blocked", code: "E_REATTACH_REQUIRED" });
    expect(changed.plan.diff).toEqual([{ path: "properties.properties.sshPort", from: 22, to: 2222 }]);
    const detached = await runStep(plugin, emulator, "detach", "myhdi", {});
    expect(detached.outputs).toEqual({ name: "myhdi" });
    expect(writes().map((w) => w.method)).toEqual(["PUT", "DELETE"]);
  });
});

describe("hdinsight configure-run", () => {
  it("writes a PySpark .runconfig without Docker", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hdi-run-"));
    const run = await runStep(plugin, emulator, "configure-run", "hdi-run", { compute: "myhdi", user_managed: true, interpreter_path: "/usr/bin/anaconda/bin/python" }, { workflowDir: dir });
    expect(run.outputs).toEqual({ path: ".azureml/hdi-run.runconfig" });
    const doc = load(await readFile(join(dir, ".azureml/hdi-run.runconfig"), "utf8")) as Record<string, any>;
    expect(doc).toMatchObject({ target: "myhdi", framework: "PySpark", environment: { docker: { enabled: false }, python: { userManagedDependencies: true } } });
  });

  it("refuses Docker on HDInsight at validate time, with the reason", () => {
    const problems = plugin.actions["configure-run"]!.check!({ compute: "myhdi", docker: { enabled: true } }, { stepId: "x", computeName: "x", workspace: EMULATOR_WORKSPACE, workflowDir: ".", isDefault: () => false });
    expect(problems).toEqual([
      expect.objectContaining({ path: "", code: "W_V1_ONLY", severity: "warning", message: expect.stringContaining("ended 2026-06-30"), hint: expect.stringContaining("serverless Spark") }),
      expect.objectContaining({ path: "/docker/enabled", message: expect.stringContaining("Docker is not available on HDInsight: runs execute in the cluster's own Spark") }),
    ]);
  });
});
