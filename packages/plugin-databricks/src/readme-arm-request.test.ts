import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { databricksAttachBody } from "./azure.js";

/** The first JSON block under the README's "## ARM request". */
function readmeBody(): unknown {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const section = readme.slice(readme.indexOf("## ARM request"));
  return JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]!);
}

const RG = "/subscriptions/<subscription>/resourceGroups/ml-rg/providers";

describe("README: ARM request", () => {
  it("shows the body the attach builds", () => {
    expect(readmeBody()).toEqual(databricksAttachBody("westeurope", `${RG}/Microsoft.Databricks/workspaces/dbx-ws`, "<secret>", "adb-1234567890123456.7.azuredatabricks.net"));
  });
});
