import { RestError } from "@azure/core-rest-pipeline";
import { describe, expect, it } from "vitest";
import { classifyAzureError, describeAzureError } from "./classify-error.js";
import { parseRetryAfter } from "./retry-after.js";

function restError(status: number, body: unknown): RestError {
  return new RestError("boom", { statusCode: status, response: { bodyAsText: JSON.stringify(body) } as never });
}

describe("classifyAzureError", () => {
  it("keeps ARM's code, message and details structured", () => {
    const e = classifyAzureError(restError(400, { error: { code: "BadArgument", message: "vm size", details: [{ code: "Inner", message: "x" }] } }));
    expect(e.code).toBe("E_VALIDATION");
    expect(e.errorClass).toBe("validation");
    expect(e.retryable).toBe(false);
    expect(e.arm).toEqual([{ code: "BadArgument", message: "vm size", details: [{ code: "Inner", message: "x" }] }]);
    expect(e.status).toBe(400);
  });

  it.each([
    [429, "TooManyRequests", "throttled", true],
    [503, "ServiceUnavailable", "transient", true],
    [401, "AuthenticationFailed", "auth", false],
    [404, "ResourceNotFound", "not-found", false],
    [409, "Conflict", "conflict", true],
    [400, "QuotaExceeded", "quota", false],
  ])("status %i %s -> %s", (status, code, errorClass, retryable) => {
    const e = classifyAzureError(restError(status, { error: { code, message: "m" } }));
    expect(e.errorClass).toBe(errorClass);
    expect(e.retryable).toBe(retryable);
  });

  it("turns @azure/identity's failures into E_AUTH with a sign-in hint", () => {
    const e = classifyAzureError(Object.assign(new Error("DefaultAzureCredential failed to retrieve a token.\nmore"), { name: "AggregateAuthenticationError" }));
    expect(e).toMatchObject({ code: "E_AUTH", errorClass: "auth", retryable: false, message: "sign-in failed: DefaultAzureCredential failed to retrieve a token." });
    expect(e.hint).toContain("az login");
  });

  it("treats connection resets as transient", () => {
    const e = classifyAzureError(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
    expect(e.errorClass).toBe("transient");
  });
});

describe("describeAzureError", () => {
  it("says what the plugin was doing, keeping core's code, class and ARM details", () => {
    const e = describeAzureError(restError(404, { error: { code: "ResourceNotFound", message: "gone" } }), "attaching gpu");
    expect(e).toMatchObject({ code: "E_NOT_FOUND", errorClass: "not-found", status: 404, message: "attaching gpu: ResourceNotFound: gone" });
    expect(e.arm).toEqual([{ code: "ResourceNotFound", message: "gone" }]);
  });

  it("passes a ComputeflowError through unchanged", () => {
    const inner = classifyAzureError(restError(409, { error: { code: "Conflict", message: "busy" } }));
    expect(describeAzureError(inner, "attaching gpu")).toBe(inner);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("3", 0)).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
    expect(parseRetryAfter("soon", 0)).toBeUndefined();
  });
});

describe("isRestError without the pipeline", () => {
  it("recognises the SDK's RestError (any copy) and nothing else", async () => {
    const { isRestError } = await import("./rest-error.js");
    const { isRestError: sdkIsRestError } = await import("@azure/core-rest-pipeline");
    const samples: unknown[] = [new RestError("x", { statusCode: 500 }), Object.assign(new Error("y"), { name: "RestError" }), new Error("z"), { name: "RestError" }, { name: "RestError", message: "m" }, null, "RestError"];
    expect(samples.map((s) => isRestError(s))).toEqual(samples.map((s) => sdkIsRestError(s)));
  });
});
