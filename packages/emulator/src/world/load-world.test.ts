import { describe, expect, it } from "vitest";
import { defaultWorld, parseWorldYaml, resolveWorld } from "./load-world.js";

describe("world files", () => {
  it("the default world holds what the examples use", () => {
    const w = defaultWorld();
    const sub = w.subscriptions[0]!;
    expect(sub.id).toBe("00000000-0000-0000-0000-000000000000");
    const rg = sub.resource_groups.find((g) => g.name === "ml-rg")!;
    expect(rg.location).toBe("westeurope");
    expect(rg.workspaces?.map((x) => x.name)).toEqual(["ml-ws"]);
    expect(rg.virtual_machines?.[0]).toMatchObject({ name: "dsvm", username: "azureuser", password: w.demo_secrets?.AML_VM_PASSWORD });
    expect(rg.hdinsight_clusters?.[0]?.password).toBe(w.demo_secrets?.AML_HDI_PASSWORD);
    expect(rg.databricks_workspaces?.[0]?.access_token).toBe(w.demo_secrets?.AML_DATABRICKS_ACCESS_TOKEN);
    expect([rg.batch_accounts?.[0]?.name, rg.datalake_analytics_accounts?.[0]?.name, rg.aks_clusters?.[0]?.name]).toEqual(["mlbatch", "mladla", "aks-prod"]);
  });

  it("fills defaults: durations, page size, VM size catalogue", () => {
    const r = resolveWorld({ durations: { create: 9 }, subscriptions: [{ id: "s", resource_groups: [] }] });
    expect(r.durations).toMatchObject({ create: 9, attach: 2, retry_after: 1 });
    expect(r.page_size).toBe(50);
    expect(r.vm_sizes?.some((s) => s.name === "Standard_D2_v2")).toBe(true);
  });

  it("reports YAML errors with line and column, and every structural problem at once", () => {
    expect(() => parseWorldYaml("subscriptions: [\n", "w.yaml")).toThrow(/^w\.yaml:\d+:\d+: error\[E_WORLD\]: /);
    let message = "";
    try {
      parseWorldYaml("page_size: 0\ncreate_durations: { AmlCompute: -1 }\nsubscriptions:\n  - id: s\n    resource_groups:\n      - { name: rg, location: x, virtual_machines: [{ name: vm }] }\n", "w.yaml");
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split("\n")).toEqual([
      "w.yaml: error[E_WORLD]: page_size: a positive integer is required",
      "w.yaml: error[E_WORLD]: create_durations.AmlCompute: a non-negative number of seconds is required",
      "w.yaml: error[E_WORLD]: subscriptions[0].resource_groups[0].virtual_machines[0]: public_ip and username are required",
    ]);
  });
});
