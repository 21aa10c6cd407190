import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { attachRequest } from "./body.js";

/** The first JSON block under the README's "## ARM request". */
function readmeBody(): unknown {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const section = readme.slice(readme.indexOf("## ARM request"));
  return JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]!);
}

const workspace = { subscriptionId: "<subscription>", resourceGroup: "ml-rg", name: "ml-ws" };

describe("README: ARM request", () => {
  it("shows the body that body() gives and the attach sends", () => {
    const plan = { change: "attach", state: { mode: "attach", defaultStore: "mladls" } };
    const request = attachRequest({ resource_group: "ml-rg", account_name: "mladla", reattach: false }, { computeName: "adla", workspace, location: "westeurope", files: {}, plan });
    expect(request).toMatchObject({ method: "PUT", path: expect.stringMatching(/\/workspaces\/ml-ws\/computes\/adla$/), apiVersion: "2021-07-01" });
    expect(readmeBody()).toEqual(request.body);
  });
});
