import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { load } from "js-yaml";
import { loadWorkflow } from "@computeflow/core";
import { describe, expect, it } from "vitest";
import { renderAzMl } from "./az-ml.js";
import { computeDocument } from "./compute-yaml.js";

const FIXTURES = join(import.meta.dirname, "__fixtures__");
const EXAMPLES = fileURLToPath(new URL("../../../../../examples/", import.meta.url));
const examples = Object.fromEntries(readdirSync(FIXTURES).filter((f) => f.endsWith(".yml")).map((f) => [f, load(readFileSync(join(FIXTURES, f), "utf8")) as Record<string, any>]));
const schema = JSON.parse(readFileSync(join(FIXTURES, "azure-ai-ml-compute-schema.json"), "utf8")) as Record<string, string[]>;

/** Every key path a compute document may have: azureml-examples files and azure-ai-ml's compute schemas. */
function knownPaths(): Set<string> {
  const paths = new Set<string>();
  const walk = (doc: unknown, prefix: string) => {
    if (doc === null || typeof doc !== "object") return;
    for (const [k, v] of Object.entries(doc)) {
      const p = Array.isArray(doc) ? prefix : prefix + k;
      if (!Array.isArray(doc)) paths.add(p);
      walk(v, Array.isArray(v) ? `${p}[].` : `${p}.`);
    }
  };
  for (const doc of Object.values(examples)) walk(doc, "");
  const nest = (parent: string, child: string) => schema[child]!.forEach((k) => paths.add(`${parent}.${k}`));
  for (const k of [...schema.compute!, ...schema.amlcompute!, ...schema.computeinstance!, ...schema.virtualmachine!, ...schema.kubernetes!]) paths.add(k);
  nest("network_settings", "network_settings");
  nest("identity", "identity");
  nest("identity.user_assigned_identities[]", "user_assigned_identity");
  nest("ssh_settings", "amlcompute_ssh_settings");
  nest("ssh_settings", "virtualmachine_ssh_settings");
  nest("create_on_behalf_of", "create_on_behalf_of");
  nest("schedules", "schedules");
  nest("schedules.compute_start_stop[]", "compute_start_stop");
  nest("schedules.compute_start_stop[].trigger", "cron_trigger");
  nest("schedules.compute_start_stop[].trigger", "recurrence_trigger");
  nest("schedules.compute_start_stop[].trigger.schedule", "recurrence_schedule");
  nest("setup_scripts", "setup_scripts");
  nest("setup_scripts.creation_script", "script_reference");
  nest("setup_scripts.startup_script", "script_reference");
  return paths;
}

function pathsOf(doc: unknown, prefix = ""): string[] {
  if (doc === null || typeof doc !== "object") return [];
  if (Array.isArray(doc)) return doc.flatMap((v) => pathsOf(v, prefix));
  // tags is a free-form map: its keys are the user's, not the schema's
  return Object.entries(doc).flatMap(([k, v]) => [prefix + k, ...(prefix === "" && k === "tags" ? [] : pathsOf(v, Array.isArray(v) ? `${prefix}${k}[].` : `${prefix}${k}.`))]);
}

const env = { AZURE_SUBSCRIPTION_ID: "00000000-0000-0000-0000-000000000000", AML_ADMIN_PASSWORD: "Sup3r-s3cret!", AML_VM_PASSWORD: "vm-Pa55word!", AML_HDI_PASSWORD: "hdi-Pa55word!", AML_DATABRICKS_ACCESS_TOKEN: "dapi-secret-token" };

async function exported(file: string) {
  const loaded = await loadWorkflow(join(EXAMPLES, file), { env });
  if (!loaded.workflow) throw new Error(JSON.stringify(loaded.problems));
  return { out: renderAzMl(loaded.workflow), secrets: loaded.workflow.secrets };
}

describe("export --format az-ml", () => {
  it("writes azureml-examples' own cluster files from the same parameters", () => {
    const step = (name: string) => ({ uses: "amlcompute", action: "provision", name });
    const basic = computeDocument(step("basic-example"), { vm_size: "STANDARD_DS3_v2", min_nodes: 0, max_nodes: 2, idle_seconds_before_scaledown: 120 }, "s");
    expect(basic).toEqual({ name: "basic-example", doc: examples["cluster-basic.yml"] });
    const lowpri = computeDocument(step("low-pri-example"), { vm_size: "STANDARD_DS3_v2", min_nodes: 0, max_nodes: 2, idle_seconds_before_scaledown: 120, vm_priority: "lowpriority" }, "s");
    expect(lowpri).toEqual({ name: "low-pri-example", doc: examples["cluster-low-priority.yml"] });
    const identity = computeDocument(step("basic-example"), { vm_size: "STANDARD_DS3_v2", min_nodes: 0, max_nodes: 2, idle_seconds_before_scaledown: 120, identity_type: "SystemAssigned" }, "s");
    expect(identity).toEqual({ name: "basic-example", doc: examples["cluster-system-identity.yml"] });
    const schedule = examples["instance-schedule.yml"]!;
    const instance = computeDocument({ uses: "instance", action: "provision", name: schedule.name }, { vm_size: schedule.size, schedules: schedule.schedules }, "s");
    expect(instance).toEqual({ name: schedule.name, doc: schedule });
  });

  it("exports every provision/attach compute of the examples with known keys only, and never a secret", async () => {
    const known = knownPaths();
    for (const file of ["v2-jobs.yaml", "seed-walkthrough.yaml", "amlcompute.yaml", "instance.yaml"]) {
      const { out, secrets } = await exported(file);
      expect(secrets.length + 1).toBeGreaterThan(0);
      for (const f of out.files) {
        const doc = load(f.text) as Record<string, unknown>;
        expect(pathsOf(doc).filter((p) => !known.has(p))).toEqual([]);
        for (const secret of Object.values(env).slice(1)) expect(f.text).not.toContain(secret);
      }
    }
  });

  it("v2-jobs.yaml: the cluster's idle scale-down and the instance's idle shutdown and stop schedule, in the v2 names", async () => {
    const { out } = await exported("v2-jobs.yaml");
    expect(out.files.map((f) => f.name)).toEqual(["cpu-cluster.yml", "notebook-v2.yml"]);
    const [cluster, instance] = out.files.map((f) => load(f.text) as Record<string, any>);
    expect(cluster).toEqual({ $schema: "https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json", name: "cpu-cluster", type: "amlcompute", size: "STANDARD_D2_V2", min_instances: 0, max_instances: 4, idle_time_before_scale_down: 600 });
    expect(instance).toMatchObject({ type: "computeinstance", size: "STANDARD_DS3_V2", idle_time_before_shutdown_minutes: 60, schedules: { compute_start_stop: [{ action: "stop", trigger: { type: "cron", expression: "0 19 * * *" } }] } });
    expect(out.text.split("---\n")).toHaveLength(2);
  });

  it("seed walkthrough: the VM without its password, v1-only targets named with their reason", async () => {
    const { out } = await exported("seed-walkthrough.yaml");
    const vm = out.files.find((f) => f.name === "attach-dsvm.yml");
    expect(load(vm!.text)).toMatchObject({ type: "virtualmachine", resource_id: expect.stringContaining("/virtualMachines/"), ssh_settings: { admin_username: "azureuser", ssh_port: 22 } });
    expect(out.notes).toEqual(expect.arrayContaining([
      expect.stringMatching(/^attach-dsvm: password not written \(secret\)/),
      expect.stringMatching(/^myhdi: HDInsight has no v2 compute YAML/),
      expect.stringMatching(/^adla: Data Lake Analytics was retired on 2024-02-29/),
    ]));
  });
});
