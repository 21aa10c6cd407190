import { describe, expect, it } from "vitest";
import { applyDefaults, defaultedFields } from "./apply-defaults.js";

const schema = {
  type: "object",
  properties: {
    size: { type: "string" },
    priority: { enum: ["dedicated", "low"], default: "dedicated" },
    nodes: { type: "integer", default: 4 },
    tags: { type: "object", default: { team: "ml" } },
    network: { type: "object", properties: { public_ip: { type: "boolean", default: true }, subnet: { type: "string" } } },
    mounts: { type: "array", items: { type: "object", properties: { mode: { default: "ro" }, path: { type: "string" } } } },
  },
};

describe("applyDefaults", () => {
  it("adds absent defaults after the value's own fields, in the schema's order, and keeps present ones", () => {
    const out = applyDefaults(schema, { nodes: 2, size: "D2" });
    expect(out).toEqual({ nodes: 2, size: "D2", priority: "dedicated", tags: { team: "ml" } });
    expect(Object.keys(out)).toEqual(["nodes", "size", "priority", "tags"]);
    expect(Object.keys(applyDefaults(schema, { tags: {}, size: "D2" }))).toEqual(["tags", "size", "priority", "nodes"]);
  });

  it("fills a field present as undefined, fills inside nested objects and array items, and leaves the input alone", () => {
    const input = { priority: undefined, network: { subnet: "s" }, mounts: [{ path: "/a" }, { path: "/b", mode: "rw" }] };
    const out = applyDefaults(schema, input);
    expect(out).toEqual({ priority: "dedicated", network: { subnet: "s", public_ip: true }, mounts: [{ path: "/a", mode: "ro" }, { path: "/b", mode: "rw" }], nodes: 4, tags: { team: "ml" } });
    expect(input).toEqual({ priority: undefined, network: { subnet: "s" }, mounts: [{ path: "/a" }, { path: "/b", mode: "rw" }] });
  });

  it("gives every result its own copy of an object default, however often the schema is used", () => {
    const first = applyDefaults(schema, {}) as { tags: Record<string, string> };
    first.tags["team"] = "changed";
    const second = applyDefaults(schema, {}) as { tags: Record<string, string> };
    expect(second.tags).toEqual({ team: "ml" });
    expect(second).not.toBe(first);
    expect(applyDefaults(schema.properties.tags, "not an object")).toBe("not an object");
  });

  it("keeps a `__proto__` field as data", () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "size": "D2"}') as Record<string, unknown>;
    const out = applyDefaults(schema, value);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(["__proto__", "size", "priority", "nodes", "tags"]);
  });
});

describe("defaultedFields", () => {
  it("names the top-level fields applyDefaults fills", () => {
    expect(defaultedFields(schema, { nodes: 2 })).toEqual(new Set(["priority", "tags"]));
    expect(defaultedFields(schema, { nodes: 2, priority: "low", tags: {} })).toEqual(new Set());
  });
});
