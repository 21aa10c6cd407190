import { describe, expect, it } from "vitest";
import { parseInputs } from "./global-options.js";

describe("parseInputs", () => {
  it("splits at the first = and keeps the rest of the value", () => {
    expect(parseInputs(["max_nodes=4", "query=a=b", "empty="])).toEqual({ max_nodes: "4", query: "a=b", empty: "" });
  });

  it("lets a later --input win", () => {
    expect(parseInputs(["a=1", "a=2"])).toEqual({ a: "2" });
  });

  it.each(["novalue", "=x", "1abc=2", "a b=c"])("rejects %j as a usage error", (pair) => {
    expect(() => parseInputs([pair])).toThrow(expect.objectContaining({ name: "UsageError", message: expect.stringContaining("KEY=VALUE") }));
  });
});
