import { describe, expect, it } from "vitest";
import { ENVELOPE_SCHEMA } from "./envelope-schema.js";
import { validateAgainst, validatorFor } from "./schema-validator.js";

const base = { version: 1, name: "w", workspace: { subscription_id: "s", resource_group: "g", name: "ws" } };
const withSteps = (steps: Record<string, unknown>) => validateAgainst(ENVELOPE_SCHEMA, { ...base, steps });

describe("envelope validation", () => {
  it("accepts a complete workflow", () => {
    const issues = validateAgainst(ENVELOPE_SCHEMA, {
      ...base,
      inputs: { size: { type: "choice", options: ["a", "b"], default: "a" }, n: { type: "number" } },
      defaults: { retry: 2, timeout_minutes: 30, continue_on_error: false },
      steps: { a: { uses: "x", action: "provision", with: { k: 1 }, needs: ["b"], if: "true", retry: { max_attempts: 3, delay_seconds: 5 } }, b: { uses: "./p.js", action: "attach", needs: "a" } },
    });
    expect(issues).toEqual([]);
  });

  it("names an unknown step key with a suggestion and the allowed keys", () => {
    expect(withSteps({ a: { uses: "x", action: "provision", nedes: ["b"] } })).toEqual([
      expect.objectContaining({ pointer: "/steps/a/nedes", atKey: true, code: "E_UNKNOWN_KEY", message: "unknown key `nedes` (did you mean `needs`?)", hint: expect.stringContaining("allowed keys in steps.a: name, uses, action") }),
    ]);
  });

  it("names a missing required key at its parent", () => {
    expect(withSteps({ a: { uses: "x" } })).toEqual([{ pointer: "/steps/a", atKey: true, code: "E_SCHEMA", message: "`steps.a` is missing required key `action`" }]);
  });

  it("says what a union accepts when no branch fits", () => {
    expect(withSteps({ a: { uses: "x", action: "p", retry: "often" } })).toEqual([
      expect.objectContaining({ pointer: "/steps/a/retry", message: '`steps.a.retry` must be an integer or an object (got "often")' }),
    ]);
  });

  it("reports the fitting branch's error of a union", () => {
    expect(withSteps({ a: { uses: "x", action: "p", retry: { max_attempts: 0 } } })).toEqual([
      expect.objectContaining({ pointer: "/steps/a/retry/max_attempts", message: "`steps.a.retry.max_attempts` must be >= 1 (got 0)" }),
    ]);
  });

  it("rejects a bad step id at the key", () => {
    expect(withSteps({ Bad_Id: { uses: "x", action: "p" } })).toEqual([
      expect.objectContaining({ pointer: "/steps/Bad_Id", atKey: true, message: expect.stringContaining("`Bad_Id` is not a valid name here: it must match pattern") }),
    ]);
  });

  it("checks version and input types", () => {
    const issues = validateAgainst(ENVELOPE_SCHEMA, { ...base, version: 2, inputs: { c: { type: "choice" }, d: { type: "date" } }, steps: { a: { uses: "x", action: "p" } } });
    expect(issues.map((i) => [i.pointer, i.message])).toEqual([
      ["/version", "`version` must be 1 (got 2)"],
      ["/inputs/c", "`inputs.c` is missing required key `options`"],
      ["/inputs/d/type", '`inputs.d.type` must be one of "string", "number", "boolean", "choice" (got "date")'],
    ]);
  });

  it("compiles each schema once", () => {
    expect(validatorFor(ENVELOPE_SCHEMA)).toBe(validatorFor(ENVELOPE_SCHEMA));
  });
});
