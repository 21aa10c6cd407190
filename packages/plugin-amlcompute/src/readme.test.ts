import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { provisionParameterDocs } from "./parameter-docs.js";
import { renderParameterTable } from "@computeflow/compute-kit";
import { provisionSchema } from "./schema.js";

describe("README", () => {
  it("has the parameter table generated from the schema (npm run readme)", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    expect(readme).toContain(renderParameterTable(provisionSchema, provisionParameterDocs, ["admin_user_password"]));
  });

  it("documents every schema property with its Python and ARM names", () => {
    expect(Object.keys(provisionParameterDocs).sort()).toEqual(Object.keys(provisionSchema.properties as object).sort());
  });
});
