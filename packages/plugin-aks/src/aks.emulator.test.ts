import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isComputeflowError } from "@computeflow/core";
import { applyDefaults, assertConformance, EMULATOR_WORKSPACE } from "@computeflow/core/testing";
import { runStep } from "@computeflow/compute-kit/testing";
import { defaultWorld, startEmulator, type RunningEmulator } from "@computeflow/emulator";
import { aksPlugin } from "./plugin.js";
import { attachSchema, provisionSchema } from "./schema.js";

const CLUSTER = `/subscriptions/${EMULATOR_WORKSPACE.subscriptionId}/resourceGroups/ml-rg/providers/Microsoft.ContainerService/managedClusters/aks-prod`;
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.01, ssh: false, world: { ...defaultWorld(), canceled_computes: ["aks-off", "aks-att-off"] } });
});
afterAll(() => emulator?.close());
beforeEach(() => emulator.reset());

/** One step through core (defaults, plan, core's refusal, apply, poller); throws the step's error. */
async function run(action: string, name: string, input: Record<string, unknown>, opts: { allowReplace?: boolean; secrets?: string[]; workflowDir?: string } = {}) {
  const outcome = await runStep(emulator, aksPlugin, { id: name, action }, input, opts);
  if (outcome.error) throw outcome.error;
  return outcome;
}

const writes = () => emulator.requests().filter((r) => r.method !== "GET");

describe("aks against the emulator", () => {
  it("passes the conformance check (provision, attach, detach, delete, coded errors)", async () => {
    await assertConformance(aksPlugin, {
      endpoint: emulator.endpoint,
      caCert: emulator.caCert,
      requests: () => emulator.requests(),
      cases: {
        provision: { name: "aks-new", with: { agent_count: 2, vm_size: "Standard_D3_v2", cluster_purpose: "DevTest" } },
        attach: { name: "aks-att", with: { resource_group: "ml-rg", cluster_name: "aks-prod", cluster_purpose: "FastProd" } },
        detach: { name: "aks-att", with: {} },
        delete: { name: "aks-new", with: {} },
      },
      errorCases: {
        attach: { name: "aks-missing", with: { resource_group: "ml-rg", cluster_name: "no-such-aks" } },
        provision: { name: "aks-small", with: { agent_count: 1, vm_size: "Standard_D2_v2" }, code: "E_AKS_TOO_SMALL" },
      },
    });
  });

  it("provisions with the Python SDK's names mapped to the ARM body", async () => {
    const { status, plan } = await run("provision", "aks-dev", { agent_count: 1, vm_size: "Standard_D2_v2", cluster_purpose: "DevTest", location: "westeurope", leaf_domain_label: "contoso-aks" });
    expect(plan.change).toBe("create");
    expect(status).toMatchObject({ done: true, outputs: { name: "aks-dev", provisioning_state: "Succeeded", cluster_purpose: "DevTest" } });
    const put = writes().find((r) => r.method === "PUT")!;
    expect(put.body).toMatchObject({ properties: { computeType: "AKS", computeLocation: "westeurope", properties: { agentCount: 1, agentVmSize: "Standard_D2_v2", clusterPurpose: "DevTest", sslConfiguration: { status: "Auto", leafDomainLabel: "contoso-aks" } } } });
    const input = { agent_count: 1, vm_size: "Standard_D2_v2", cluster_purpose: "DevTest", location: "westeurope", leaf_domain_label: "contoso-aks" };
    const request = aksPlugin.actions.provision.body!(applyDefaults(provisionSchema, input) as never, { computeName: "aks-dev", workspace: EMULATOR_WORKSPACE, location: "westeurope", files: {} });
    expect(put.path).toBe(`${request.path}?api-version=${request.apiVersion}`);
    expect(put.body).toEqual(JSON.parse(JSON.stringify(request.body)));
  });

  it("a Canceled compute fails its step at once, not at the timeout (provision and attach)", async () => {
    const provisioned = await run("provision", "aks-off", { agent_count: 1, vm_size: "Standard_D2_v2", cluster_purpose: "DevTest" });
    expect(provisioned.status).toMatchObject({ done: true, error: { code: "E_PROVISIONING_FAILED", message: "AKS compute aks-off failed: Canceled: the operation was canceled in Azure" } });
    const attached = await run("attach", "aks-att-off", { resource_id: CLUSTER });
    expect(attached.status).toMatchObject({ done: true, error: { code: "E_PROVISIONING_FAILED", message: "AKS compute aks-att-off failed: Canceled: the operation was canceled in Azure" } });
  });

  it("re-attaches (detach, then attach) when TLS of an attached cluster changes, and keeps cert and key out of events", async () => {
    await run("attach", "aks-att", { resource_id: CLUSTER });
    const before = writes().length;
    const cert = "-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----";
    const key = "-----BEGIN PRIVATE KEY-----\nMIIEfakekey\n-----END PRIVATE KEY-----";
    const second = await run("attach", "aks-att", { resource_id: CLUSTER, ssl_cname: "aks.contoso.com", ssl_cert: cert, ssl_key: key }, { secrets: [cert, key] });
    expect(second.plan.change).toBe("reattach");
    expect(second.status).toMatchObject({ done: true, outputs: { name: "aks-att", provisioning_state: "Succeeded" } });
    const sent = writes().slice(before).map((r) => `${r.method} ${r.path.split("?")[0]!.split("/").pop()}${r.path.includes("Detach") ? " Detach" : ""}`);
    expect(sent).toEqual(["DELETE aks-att Detach", "PUT aks-att"]);
    expect(JSON.stringify(second.events)).not.toContain("MIIEfakekey");
    const third = await run("attach", "aks-att", { resource_id: CLUSTER, ssl_cname: "aks.contoso.com", ssl_cert: cert, ssl_key: key }, { secrets: [cert, key] });
    expect(third.plan.change).toBe("noop");
    const deleting = await run("delete", "aks-att", {}).catch((e: unknown) => e);
    expect(deleting).toMatchObject({ code: "E_ATTACHED_COMPUTE", hint: "use action: detach" });
  });

  it("reports a missing AKS cluster as a coded error, with ARM's code kept", async () => {
    const outcome = await run("attach", "aks-missing", { resource_group: "ml-rg", cluster_name: "no-such-aks" }).catch((e: unknown) => e);
    const error = isComputeflowError(outcome) ? outcome : (outcome as { status?: { error?: unknown } }).status?.error;
    expect(isComputeflowError(error)).toBe(true);
    expect(error).toMatchObject({ code: expect.stringMatching(/^E_/), arm: [expect.objectContaining({ code: expect.any(String) })] });
    expect(String((error as Error).message)).toMatch(/no-such-aks/);
  });

  it("refuses to change agent count in place unless replacing is allowed", async () => {
    await run("provision", "aks-r", { agent_count: 3 });
    const refused = await run("provision", "aks-r", { agent_count: 4 }).catch((e: unknown) => e);
    expect(isComputeflowError(refused) && refused.code).toBe("E_REPLACE_REQUIRED");
    const replaced = await run("provision", "aks-r", { agent_count: 4 }, { allowReplace: true });
    expect(replaced.status).toMatchObject({ done: true, outputs: { provisioning_state: "Succeeded" } });
    expect((await run("provision", "aks-r", { agent_count: 4 })).plan.change).toBe("noop");
  });

  it("updates TLS of a provisioned cluster in place with one PUT (no delete)", async () => {
    await run("provision", "aks-u", { cluster_purpose: "DevTest", agent_count: 1 });
    const update = await run("provision", "aks-u", { cluster_purpose: "DevTest", agent_count: 1, leaf_domain_label: "aks-u-label" });
    expect(update.plan).toMatchObject({ change: "update", diff: [expect.objectContaining({ path: "properties.properties.sslConfiguration" })] });
    expect(update.status).toMatchObject({ done: true, outputs: { provisioning_state: "Succeeded" } });
    expect(writes().map((r) => r.method)).toEqual(["PUT", "PUT"]);
    expect(writes()[1]!.body).toMatchObject({ properties: { properties: { agentCount: 1, sslConfiguration: { status: "Auto", leafDomainLabel: "aks-u-label" } } } });
    const again = await run("provision", "aks-u", { cluster_purpose: "DevTest", agent_count: 1, leaf_domain_label: "aks-u-label" });
    expect(again.plan.change).toBe("noop");
    expect(writes()).toHaveLength(2);
  });

  it("reads certificate and key files, sends them, and keeps them out of every event", async () => {
    const dir = await mkdtemp(join(tmpdir(), "aks-pem-"));
    const key = "-----BEGIN PRIVATE KEY-----\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwfilekey\n-----END PRIVATE KEY-----\n";
    await writeFile(join(dir, "cert.pem"), "-----BEGIN CERTIFICATE-----\nMIIBcertfile\n-----END CERTIFICATE-----\n");
    await writeFile(join(dir, "key.pem"), key);
    const input = { resource_id: CLUSTER, ssl_cname: "ml.contoso.com", ssl_cert_pem_file: "cert.pem", ssl_key_pem_file: "key.pem" };
    const { status, events } = await run("attach", "aks-pem", input, { workflowDir: dir });
    expect(status).toMatchObject({ done: true, outputs: { provisioning_state: "Succeeded" } });
    const put = writes().find((r) => r.method === "PUT");
    expect(put?.body).toMatchObject({ properties: { properties: { sslConfiguration: { status: "Enabled", cname: "ml.contoso.com", key } } } });
    // body() is exactly that PUT, given the files' text (core reads them; body() never does)
    const files = { ssl_cert_pem_file: "-----BEGIN CERTIFICATE-----\nMIIBcertfile\n-----END CERTIFICATE-----\n", ssl_key_pem_file: key };
    const request = aksPlugin.actions.attach.body!(applyDefaults(attachSchema, input) as never, { computeName: "aks-pem", workspace: EMULATOR_WORKSPACE, location: "westeurope", files });
    expect(put?.path).toBe(`${request.path}?api-version=${request.apiVersion}`);
    expect(put?.body).toEqual(JSON.parse(JSON.stringify(request.body)));
    expect(JSON.stringify(events)).not.toContain("MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwfilekey");
    expect(JSON.stringify(status)).not.toContain("MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwfilekey");
  });

  it("says which file is missing, as a coded error", async () => {
    const dir = await mkdtemp(join(tmpdir(), "aks-pem-"));
    const error = await run("attach", "aks-nofile", { resource_id: CLUSTER, ssl_cname: "x", ssl_cert_pem_file: "no-cert.pem", ssl_key_pem_file: "no-key.pem" }, { workflowDir: dir }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "E_PATH_NOT_FOUND", message: "ssl_cert_pem_file: cannot read no-cert.pem" });
    expect(writes()).toEqual([]);
  });

  it("refuses attaching a cluster already attached under another name (each attachment breaks the previous one)", async () => {
    await run("attach", "aks-one", { resource_id: CLUSTER });
    const before = writes().length;
    const second = await run("attach", "aks-two", { resource_id: CLUSTER }).catch((e: unknown) => e);
    expect(second).toMatchObject({ code: "E_DUPLICATE_ATTACHMENT", message: expect.stringContaining("aks-one") });
    expect(writes().length).toBe(before);
  });
});
