import { describe, expect, it } from "vitest";
import { checkTemplate, evaluateValue, parameterValues } from "./evaluate-template.js";
import { TemplateError } from "./template-expression.js";
import type { EvalScope } from "./template-functions.js";

const scope: EvalScope = {
  parameters: { n: 4, name: "cpu", secret: "s3cret" },
  subscriptionId: "sub",
  resourceGroup: "rg",
  reference: (id) => (id.endsWith("/computes/a") ? { identity: { principalId: "p-1" } } : undefined),
};

describe("template expressions (the subset the compiler emits)", () => {
  it("evaluates parameters, concat, resourceId and reference with property access", () => {
    expect(evaluateValue({ a: "[parameters('n')]", b: ["[concat('x-', parameters('name'), '-y')]"] }, scope)).toEqual({ a: 4, b: ["x-cpu-y"] });
    expect(evaluateValue("[resourceId('Microsoft.MachineLearningServices/workspaces/computes', 'ws', 'a')]", scope)).toBe(
      "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/computes/a",
    );
    expect(evaluateValue("[reference(resourceId('Microsoft.MachineLearningServices/workspaces/computes', 'ws', 'a'), '2021-07-01', 'Full').identity.principalId]", scope)).toBe("p-1");
  });

  it("keeps literals: '[[' escapes a leading bracket, quotes double inside strings, other strings pass", () => {
    expect(evaluateValue("[[not an expression]", scope)).toBe("[not an expression]");
    expect(evaluateValue("[concat('it''s ', parameters('name'))]", scope)).toBe("it's cpu");
    expect(evaluateValue("plain", scope)).toBe("plain");
  });

  it("refuses unknown functions loudly, before anything is deployed, naming the function", () => {
    const template = { resources: [{ type: "Microsoft.MachineLearningServices/workspaces/computes", apiVersion: "2021-07-01", name: "ws/a", properties: { x: "[uniqueString(resourceGroup().id)]" } }] };
    expect(() => checkTemplate(template)).toThrow(/template function 'uniqueString' is not expected/);
    expect(() => evaluateValue("[toLower('A')]", scope)).toThrow(TemplateError);
  });

  it("refuses resource types it cannot deploy, and malformed expressions", () => {
    expect(() => checkTemplate({ resources: [{ type: "Microsoft.Storage/storageAccounts", apiVersion: "2021-01-01", name: "x" }] })).toThrow(/not supported/);
    expect(() => evaluateValue("[concat('a', ]", scope)).toThrow(TemplateError);
  });

  it("parameter values: given, else default; a parameter without either is an error", () => {
    const template = { parameters: { a: { type: "int", defaultValue: 1 }, b: { type: "securestring" } } };
    expect(parameterValues(template, { b: { value: "x" } })).toEqual({ a: 1, b: "x" });
    expect(() => parameterValues(template, {})).toThrow(/'b' is not provided/);
    expect(() => parameterValues(template, { b: { value: "x" }, c: { value: 1 } })).toThrow(/'c' is not valid/);
  });
});
