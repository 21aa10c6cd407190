import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { envelopeSchema } from "@computeflow/core";

describe("workflow.schema.json (repo root, what examples' yaml-language-server line points at)", () => {
  it("is exactly what `computeflow schema` prints; regenerate with: npx computeflow schema > workflow.schema.json", () => {
    const committed = readFileSync(new URL("../../../workflow.schema.json", import.meta.url), "utf8");
    expect(committed).toBe(`${JSON.stringify(envelopeSchema(), null, 2)}\n`);
  });
});
