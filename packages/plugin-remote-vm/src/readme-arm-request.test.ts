import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { attachRequest } from "./body.js";

/** The first JSON block under the README's "## ARM request". */
function readmeBody(): unknown {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const section = readme.slice(readme.indexOf("## ARM request"));
  return JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]!);
}

const RG = "/subscriptions/<subscription>/resourceGroups/ml-rg/providers";
const workspace = { subscriptionId: "<subscription>", resourceGroup: "ml-rg", name: "ml-ws" };

describe("README: ARM request", () => {
  it("shows the body that body() gives and the attach sends", () => {
    const input = { resource_id: `${RG}/Microsoft.Compute/virtualMachines/dsvm`, ssh_port: 22, username: "azureuser", password: "<secret>", require_docker: false, reattach: false };
    const request = attachRequest(input, { computeName: "attach-dsvm", workspace, location: "westeurope", files: {} });
    expect(request).toMatchObject({ method: "PUT", path: expect.stringMatching(/\/workspaces\/ml-ws\/computes\/attach-dsvm$/), apiVersion: "2021-07-01" });
    expect(readmeBody()).toEqual(request.body);
  });
});
