import { describe, expect, it } from "vitest";
import { checkAttach, checkProvision } from "./check.js";
import { applyDefaults } from "@computeflow/core/testing";
import type { AttachInput, ProvisionInput } from "./input.js";
import { attachSchema, provisionSchema } from "./schema.js";

/** `with` as core hands it to the hooks: the schema's defaults applied. */
const p = (w: Record<string, unknown>) => applyDefaults<ProvisionInput>(provisionSchema, w);
const a = (w: Record<string, unknown>) => applyDefaults<AttachInput>(attachSchema, w);

const paths = (problems: { path: string }[]) => problems.map((p) => p.path);

describe("checkProvision", () => {
  it("accepts the defaults", () => {
    expect(checkProvision(p({}))).toEqual([]);
  });
  it("wants cname, certificate and key together", () => {
    const problems = checkProvision(p({ ssl_cname: "www.contoso.com", ssl_cert_pem_file: "cert.pem" }));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/not all TLS information/);
  });
  it("accepts cert and key as secrets instead of files", () => {
    expect(checkProvision(p({ ssl_cname: "www.contoso.com", ssl_cert: "C", ssl_key: "K" }))).toEqual([]);
  });
  it("refuses a leaf domain label next to an own certificate", () => {
    expect(paths(checkProvision(p({ ssl_cname: "a", ssl_cert: "C", ssl_key: "K", leaf_domain_label: "x" })))).toEqual(["/leaf_domain_label"]);
  });
  it("refuses overwrite_existing_domain without a leaf domain label", () => {
    expect(paths(checkProvision(p({ overwrite_existing_domain: true })))).toEqual(["/overwrite_existing_domain"]);
  });
  it("wants all six virtual network fields or none, naming the missing ones", () => {
    const problems = checkProvision(p({ vnet_name: "vnet", subnet_name: "aks" }));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain("vnet_resourcegroup_name, service_cidr, dns_service_ip, docker_bridge_cidr");
  });
  it("allows load_balancer_subnet only with an internal load balancer", () => {
    expect(paths(checkProvision(p({ load_balancer_subnet: "lb" })))).toEqual(["/load_balancer_subnet"]);
    expect(checkProvision(p({ load_balancer_type: "InternalLoadBalancer", load_balancer_subnet: "lb" }))).toEqual([]);
  });
});

describe("checkAttach", () => {
  it("wants resource_id, or resource_group with cluster_name", () => {
    expect(checkAttach(a({}))[0]!.message).toMatch(/resource_id, or resource_group and cluster_name/);
    expect(checkAttach(a({ resource_group: "rg" }))).toHaveLength(1);
    expect(checkAttach(a({ resource_group: "rg", cluster_name: "aks" }))).toEqual([]);
  });
  it("refuses resource_group or cluster_name next to resource_id", () => {
    expect(paths(checkAttach(a({ resource_id: "/x", resource_group: "rg", cluster_name: "c" })))).toEqual(["/resource_group", "/cluster_name"]);
  });
  it("checks TLS settings as provision does", () => {
    expect(paths(checkAttach(a({ resource_group: "rg", cluster_name: "c", ssl_key: "K" })))).toEqual([""]);
  });
});
