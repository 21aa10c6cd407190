import { RestError } from "@azure/core-rest-pipeline";
import { describe, expect, it } from "vitest";
import { ComputeflowError } from "../errors.js";
import { toStepError } from "./step-errors.js";

describe("toStepError", () => {
  it("unwraps an SDK error a plugin let escape, keeping ARM's class and details and naming the plugin", () => {
    const rest = new RestError("conflict", { statusCode: 409, response: { bodyAsText: JSON.stringify({ error: { code: "Conflict", message: "busy" } }) } as never });
    const wrapped = new ComputeflowError({ code: "E_PLUGIN", errorClass: "plugin", message: "plugin amlcompute failed in provision: conflict", cause: rest });
    const error = toStepError(wrapped);
    expect(error).toMatchObject({ code: "E_CONFLICT", errorClass: "conflict", retryable: true, arm: [{ code: "Conflict", message: "busy" }] });
    expect(error.message).toBe("plugin amlcompute failed in provision: Conflict: busy");
  });

  it("keeps coded errors as they are and classifies anything else", () => {
    const coded = new ComputeflowError({ code: "E_QUOTA", errorClass: "quota", message: "no" });
    expect(toStepError(coded)).toBe(coded);
    expect(toStepError(new Error("boom"))).toMatchObject({ code: "E_INTERNAL", retryable: false });
  });
});
