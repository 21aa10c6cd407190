import { describe, expect, it } from "vitest";
import { CLOUD_NAMES, resolveCloud } from "./clouds.js";

describe("resolveCloud", () => {
  it("knows the public and sovereign clouds, case-insensitively", () => {
    expect(CLOUD_NAMES).toEqual(["AzureCloud", "AzureChinaCloud", "AzureUSGovernment"]);
    expect(resolveCloud().resourceManager).toBe("https://management.azure.com");
    expect(resolveCloud("azurechinacloud")).toMatchObject({ name: "AzureChinaCloud", resourceManager: "https://management.chinacloudapi.cn", scope: "https://management.chinacloudapi.cn/.default" });
    expect(resolveCloud("AzureUSGovernment").authorityHost).toBe("https://login.microsoftonline.us");
  });

  it("refuses an unknown cloud with a usage error naming the known ones", () => {
    expect(() => resolveCloud("Moon")).toThrow(expect.objectContaining({ code: "E_USAGE", hint: expect.stringContaining("AzureChinaCloud") }));
  });
});
