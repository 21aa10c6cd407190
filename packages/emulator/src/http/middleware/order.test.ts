import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MIDDLEWARE } from "./order.js";

describe("middleware order", () => {
  it("is auth, throttling, faults, apiVersion, body, specRequest, route, as the README says", () => {
    const names = MIDDLEWARE.map((m) => m.name);
    expect(names).toEqual(["auth", "throttling", "faults", "apiVersion", "body", "specRequest", "route"]);
    const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
    const documented = /Request handling order: (.+)\./.exec(readme)?.[1];
    expect(documented?.split(" -> ")).toEqual(names.map((n) => `\`${n}\``));
  });
});
