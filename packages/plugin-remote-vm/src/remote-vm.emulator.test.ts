import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { execFile } from "node:child_process";
import { request } from "node:https";
import { promisify } from "node:util";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { assertAttachConformance, runStep } from "@computeflow/attach-kit/testing";
import { EMULATOR_WORKSPACE } from "@computeflow/core/testing";
import { defaultWorld, startEmulator, type RunningEmulator } from "@computeflow/emulator";
import plugin from "./index.js";

const RG = `/subscriptions/${EMULATOR_WORKSPACE.subscriptionId}/resourceGroups/ml-rg`;
const DSVM = `${RG}/providers/Microsoft.Compute/virtualMachines/dsvm`;
const DEMO_KEY = fileURLToPath(new URL("../../emulator/fixtures/demo_ed25519", import.meta.url));
let emulator: RunningEmulator;
let password: string;

beforeAll(async () => {
  const world = defaultWorld();
  const group = world.subscriptions[0]!.resource_groups[0]!;
  const dsvm = group.virtual_machines![0]!;
  group.virtual_machines!.push(
    { ...dsvm, name: "centos-vm", public_ip: "20.50.100.11", fqdn: undefined, os: { id: "centos", version_id: "7", pretty_name: "CentOS Linux 7 (Core)" } },
    { ...dsvm, name: "nodocker-vm", public_ip: "20.50.100.12", fqdn: undefined, docker: false },
    { ...dsvm, name: "private-vm", public_ip: "", fqdn: undefined },
  );
  emulator = await startEmulator({ timeScale: 0.01, world: { ...world, canceled_computes: ["vm-off"] } });
  password = emulator.demoSecrets.AML_VM_PASSWORD!;
});
afterAll(() => emulator?.close());
beforeEach(() => emulator.reset());

const writes = () => emulator.requests().filter((r) => r.method !== "GET");
const attach = (name: string, input: Record<string, unknown>) => runStep(plugin, emulator, "attach", name, input, { secrets: [password] });
const withPassword = (extra: Record<string, unknown> = {}) => ({ resource_id: DSVM, ssh_port: 22, username: "azureuser", password, ...extra });

/** A compute attached earlier by someone else, straight through ARM. */
async function putRaw(name: string, body: unknown): Promise<void> {
  const ws = `${RG}/providers/Microsoft.MachineLearningServices/workspaces/${EMULATOR_WORKSPACE.name}`;
  const url = `${emulator.endpoint}${ws}/computes/${name}?api-version=2021-07-01`;
  const res = await fetchWithCa(url, "PUT", JSON.stringify(body));
  expect(res.status).toBe(201);
  // Azure answers a create 201 Creating; the attachment is someone else's finished one only once it has succeeded.
  for (let i = 0; i < 200; i++) {
    const got = await fetchWithCa(url, "GET");
    if ((JSON.parse(got.body) as { properties?: { provisioningState?: string } }).properties?.provisioningState === "Succeeded") return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${name} did not reach Succeeded`);
}

function fetchWithCa(url: string, method: "PUT" | "GET", body?: string): Promise<{ status: number; body: string }> {
  return new Promise((ok, ko) => {
    const req = request(url, { method, ca: emulator.caCert, headers: { authorization: "Bearer t", "content-type": "application/json" } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => ok({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", ko);
    req.end(body);
  });
}

describe("remote-vm attach against the emulator", () => {
  it("a Canceled compute fails its step at once, not at the timeout (attach-kit's readiness)", async () => {
    const run = await attach("vm-off", withPassword());
    expect(run.error).toMatchObject({ code: "E_PROVISIONING_FAILED", message: "attaching vm-off failed: Canceled: the operation was canceled in Azure" });
  });

  it("passes core's conformance check (attach, configure-run, detach, coded errors, no secret leaks)", async () => {
    await assertAttachConformance(plugin, emulator, {
      name: "dsvm",
      attach: withPassword(),
      configureRun: { conda_file: "environment.yml" },
      failing: { with: withPassword({ resource_id: DSVM.replace("dsvm", "ghost-vm") }), code: "E_NOT_FOUND" },
      secrets: [password],
    });
  });

  it("checks the VM in ARM and over SSH, then sends the swagger's VirtualMachine body once", async () => {
    const run = await attach("attach-dsvm", withPassword());
    expect(run.plan.change).toBe("attach");
    expect(run.plan.notes).toEqual(["the VM exists and has public IP 20.50.100.10", "SSH pre-flight passed: Ubuntu 20.04.6 LTS, Docker version 24.0.7, build afdd53b"]);
    expect(run.outputs).toEqual({ name: "attach-dsvm", id: expect.stringMatching(/\/computes\/attach-dsvm$/), resource_id: DSVM, docker: "Docker version 24.0.7, build afdd53b" });
    expect(writes().map((w) => w.method)).toEqual(["PUT"]);
    expect(writes()[0]!.body).toEqual({
      location: "westeurope",
      properties: {
        computeType: "VirtualMachine",
        resourceId: DSVM,
        properties: { sshPort: 22, administratorAccount: { username: "azureuser", password } },
      },
    });
    expect(JSON.stringify(run.events)).not.toContain(password);
    const again = await attach("attach-dsvm", withPassword());
    expect(again.plan.change).toBe("noop");
    expect(again.outputs).toMatchObject({ name: "attach-dsvm", resource_id: DSVM });
    expect(writes()).toHaveLength(1);
  });

  it("attaches with a private key: privateKeyData and its publicKeyData in administratorAccount", async () => {
    const key = await readFile(DEMO_KEY, "utf8");
    const pub = (await readFile(`${DEMO_KEY}.pub`, "utf8")).split(" ").slice(0, 2).join(" ");
    const run = await runStep(plugin, emulator, "attach", "dsvm-key", { resource_id: DSVM, username: "azureuser", private_key_file: DEMO_KEY });
    expect(run.outputs).toMatchObject({ name: "dsvm-key" });
    const account = (writes()[0]!.body as { properties: { properties: { administratorAccount: unknown } } }).properties.properties.administratorAccount;
    expect(account).toEqual({ username: "azureuser", publicKeyData: pub, privateKeyData: key });
    expect(JSON.stringify(run.events)).not.toContain(key.trim().split("\n")[1]);
  });

  it("refuses a passphrase at validate, and an encrypted key file at plan, sending nothing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vm-enc-"));
    await promisify(execFile)("ssh-keygen", ["-q", "-t", "ed25519", "-N", "secret-pp", "-C", "", "-f", join(dir, "enc")]);
    const checked = plugin.actions.attach!.check!({ resource_id: DSVM, username: "azureuser", private_key_file: join(dir, "enc"), private_key_passphrase: "secret-pp" } as never, { stepId: "dsvm-enc", computeName: "dsvm-enc", workspace: EMULATOR_WORKSPACE, workflowDir: dir, isDefault: () => false });
    expect(checked).toEqual([expect.objectContaining({ path: "/private_key_passphrase", message: expect.stringContaining("cannot use a passphrase-protected key"), hint: expect.stringContaining("ssh-keygen") })]);
    await expect(runStep(plugin, emulator, "attach", "dsvm-enc", { resource_id: DSVM, username: "azureuser", private_key_file: join(dir, "enc") }))
      .rejects.toMatchObject({ code: "E_ENCRYPTED_KEY", hint: expect.stringContaining("unencrypted key") });
    expect(writes()).toEqual([]);
  });

  it("blocks a missing VM with ARM's message, and sends nothing", async () => {
    const run = await attach("ghost", withPassword({ resource_id: DSVM.replace("dsvm", "ghost-vm") }));
    expect(run.plan).toMatchObject({ change: "blocked", code: "E_NOT_FOUND" });
    expect(run.plan.reason).toContain("ResourceNotFound: The Resource 'Microsoft.Compute/virtualMachines/ghost-vm' under resource group 'ml-rg' was not found");
    expect(writes()).toEqual([]);
  });

  it("blocks a VM without a public IP address (the document's warning), before any SSH", async () => {
    const run = await attach("private", withPassword({ resource_id: DSVM.replace("dsvm", "private-vm") }));
    expect(run.plan).toMatchObject({ change: "blocked", code: "E_NO_PUBLIC_IP", reason: expect.stringContaining("private-vm has no public IP address") });
    expect(writes()).toEqual([]);
  });

  it("blocks wrong credentials, a non-Ubuntu VM and a missing Docker engine in the SSH pre-flight", async () => {
    const wrong = await attach("wrong-pw", withPassword({ password: "not-the-password" }));
    expect(wrong.plan).toMatchObject({ change: "blocked", code: "E_SSH_AUTH", reason: expect.stringContaining("azureuser at 20.50.100.10:22") });
    const centos = await attach("centos", withPassword({ resource_id: DSVM.replace("dsvm", "centos-vm") }));
    expect(centos.plan).toMatchObject({ change: "blocked", code: "E_SSH_NOT_UBUNTU", reason: expect.stringContaining("CentOS Linux 7 (Core)") });
    const noDocker = await attach("nodocker", withPassword({ resource_id: DSVM.replace("dsvm", "nodocker-vm"), require_docker: true }));
    expect(noDocker.plan).toMatchObject({ change: "blocked", code: "E_SSH_NO_DOCKER" });
    expect(writes()).toEqual([]);
  });

  it("refuses a second attachment of the same VM under another name, and moves it with reattach: true", async () => {
    await attach("vm-a", withPassword());
    const second = await attach("vm-b", withPassword({ resource_id: DSVM.toUpperCase().replace("/SUBSCRIPTIONS/", "/subscriptions/").replace("/RESOURCEGROUPS/", "/resourceGroups/").replace("/PROVIDERS/", "/providers/") }));
    expect(second.plan).toMatchObject({ change: "blocked", code: "E_DUPLICATE_ATTACHMENT" });
    expect(second.plan.hint).toContain("detach vm-a first");
    expect(second.plan.hint).toContain("reattach: true");
    const moved = await attach("vm-b", withPassword({ reattach: true }));
    expect(moved.plan.change).toBe("reattach");
    expect(moved.outputs).toMatchObject({ name: "vm-b" });
    const sent = writes().map((w) => `${w.method} ${w.path.split("?")[0]!.split("/").pop()}${w.path.includes("Detach") ? " Detach" : ""}`);
    expect(sent).toEqual(["PUT vm-a", "DELETE vm-a Detach", "PUT vm-b"]);
  });

  it("needs reattach: true to change a setting, then detaches and attaches again", async () => {
    await putRaw("dsvm", { properties: { computeType: "VirtualMachine", resourceId: DSVM, properties: { sshPort: 2222, administratorAccount: { username: "azureuser", password } } } });
    const requestsBefore = writes().length;
    const changed = withPassword({ address: "dsvm.westeurope.cloudapp.azure.com" });
    const refused = await attach("dsvm", changed);
    expect(refused.plan).toMatchObject({ change: "blocked", code: "E_REATTACH_REQUIRED", hint: "set `reattach: true` on this step" });
    expect(refused.plan.diff).toEqual([{ path: "properties.properties.sshPort", from: 2222, to: 22 }]);
    expect(writes()).toHaveLength(requestsBefore);
    const redone = await attach("dsvm", { ...changed, reattach: true });
    expect(redone.plan.change).toBe("reattach");
    expect(redone.outputs).toMatchObject({ name: "dsvm", resource_id: DSVM });
    expect(writes().map((w) => w.method)).toEqual(["PUT", "DELETE", "PUT"]);
    expect(JSON.stringify(writes()[2]!.body)).not.toContain("address");
  });

  it("detaches (never deletes the VM), and a second detach changes nothing", async () => {
    await attach("dsvm", withPassword());
    const detached = await runStep(plugin, emulator, "detach", "dsvm", {});
    expect(detached.plan.change).toBe("detach");
    expect(detached.outputs).toEqual({ name: "dsvm" });
    expect(writes()[1]!.path).toMatch(/\/computes\/dsvm\?.*underlyingResourceAction=Detach/);
    const again = await runStep(plugin, emulator, "detach", "dsvm", {});
    expect(again.plan.change).toBe("noop");
    expect(writes()).toHaveLength(2);
  });
});

describe("remote-vm configure-run", () => {
  it("writes a v2 job (and, with format: v1, a .runconfig) with Docker and Conda and no secret; refuses Docker where the attach found none", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vm-run-"));
    const input = { compute: "dsvm", script: "train.py", docker: { enabled: true, base_image: "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04" }, conda_file: "environment.yml" };
    const run = await runStep(plugin, emulator, "configure-run", "dsvm-run", input, { workflowDir: dir, needs: { dsvm: { name: "dsvm", docker: "Docker version 24.0.7" } } });
    expect(run.outputs).toEqual({ path: "jobs/dsvm-run.yml" });
    const job = await readFile(join(dir, "jobs/dsvm-run.yml"), "utf8");
    expect(job).toContain("image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04");
    expect(job).toContain("compute: azureml:dsvm");
    expect(job).not.toContain(password);
    const v1 = await runStep(plugin, emulator, "configure-run", "dsvm-run", { ...input, format: "v1" }, { workflowDir: dir, needs: { dsvm: { name: "dsvm", docker: "Docker version 24.0.7" } } });
    expect(v1.outputs).toEqual({ path: ".azureml/dsvm-run.runconfig" });
    const text = await readFile(join(dir, ".azureml/dsvm-run.runconfig"), "utf8");
    expect(text).toContain("baseImage: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04");
    expect(text).toContain("condaDependenciesFile: environment.yml");
    expect(text).not.toContain(password);
    const refused = await runStep(plugin, emulator, "configure-run", "dsvm-run", input, { workflowDir: dir, needs: { dsvm: { name: "dsvm", docker: "" } } });
    expect(refused.error).toMatchObject({ code: "E_SSH_NO_DOCKER" });
  });
});
