import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadValidator } from "./schema-validator.js";
import { setValidatorCacheDir, validatorCacheDir } from "./validator-cache.js";

const dir = mkdtempSync(join(tmpdir(), "computeflow-validators-"));
const original = validatorCacheDir();
beforeAll(() => setValidatorCacheDir(dir));
afterAll(() => {
  setValidatorCacheDir(original);
  rmSync(dir, { recursive: true, force: true });
});

// A fresh object each time: the in-memory cache is by identity, so this looks like a new run.
const schema = () => ({
  type: "object",
  additionalProperties: false,
  required: ["max_nodes"],
  properties: { max_nodes: { type: "integer", minimum: 0 }, tier: { oneOf: [{ type: "integer" }, { enum: ["low", "dedicated"] }] } },
});
const bad = { max_nodes: -1, tier: "lo", extra: true };

describe("validator cache", () => {
  it("compiles once, then loads the same validator from disk in a later run", () => {
    const first = loadValidator(schema());
    expect(first.origin).toBe("compiled");
    expect(readdirSync(dir).filter((f) => f.endsWith(".cjs"))).toHaveLength(1);
    expect(first.validate(bad)).toBe(false);
    const compiledErrors = structuredClone(first.validate.errors);

    const again = loadValidator(schema());
    expect(again.origin).toBe("disk");
    expect(again.validate(bad)).toBe(false);
    expect(again.validate.errors).toEqual(compiledErrors);
    expect(again.validate({ max_nodes: 2, tier: "low" })).toBe(true);
    expect(loadValidator(schema()).origin).toBe("disk");
  });

  it("keeps each schema object in memory", () => {
    const s = schema();
    loadValidator(s);
    expect(loadValidator(s).origin).toBe("memory");
  });

  it("recompiles over a damaged cache file", () => {
    const other = { type: "string", minLength: 3 };
    loadValidator(other);
    for (const f of readdirSync(dir)) writeFileSync(join(dir, f), "this is not javascript(");
    const recovered = loadValidator({ ...other });
    expect(recovered.origin).toBe("compiled");
    expect(recovered.validate("ab")).toBe(false);
    expect(loadValidator({ ...other }).origin).toBe("disk");
  });

  it("works without a cache directory", () => {
    setValidatorCacheDir(undefined);
    try {
      expect(loadValidator(schema()).origin).toBe("compiled");
    } finally {
      setValidatorCacheDir(dir);
    }
  });
});
