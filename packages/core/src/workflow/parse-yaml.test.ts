import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { constructFromEvents, parseEvents } from "js-yaml";
import { describe, expect, it } from "vitest";
import { parseYaml } from "./parse-yaml.js";

const at = (text: string, pointer: string) => {
  const { positions } = parseYaml(text, "wf.yaml");
  const v = positions.value(pointer);
  const k = positions.key(pointer);
  return { value: `${v.line}:${v.column}`, key: `${k.line}:${k.column}` };
};

describe("parseYaml", () => {
  const text = [
    "version: 1",
    "steps:",
    "  cpu-cluster:",
    "    uses: amlcompute",
    "    with: { max_nodes: -1, vm_size: \"STANDARD_D2_V2\" }",
    "    needs:",
    "      - a",
    "      - 'b'",
    "",
  ].join("\n");

  it("returns the value and positions of keys and values by JSON pointer", () => {
    const parsed = parseYaml(text, "wf.yaml");
    expect(parsed.problems).toEqual([]);
    expect(parsed.value).toEqual({ version: 1, steps: { "cpu-cluster": { uses: "amlcompute", with: { max_nodes: -1, vm_size: "STANDARD_D2_V2" }, needs: ["a", "b"] } } });
    expect(at(text, "/version")).toEqual({ value: "1:10", key: "1:1" });
    expect(at(text, "/steps/cpu-cluster")).toEqual({ value: "4:5", key: "3:3" });
    expect(at(text, "/steps/cpu-cluster/with/max_nodes")).toEqual({ value: "5:24", key: "5:13" });
    expect(at(text, "/steps/cpu-cluster/with/vm_size")).toEqual({ value: "5:37", key: "5:28" });
    expect(at(text, "/steps/cpu-cluster/needs/1")).toEqual({ value: "8:9", key: "8:9" });
  });

  it("falls back to the nearest ancestor for pointers it does not know", () => {
    expect(at(text, "/steps/cpu-cluster/with/nope/deeper").value).toBe("5:11");
  });

  it("points inside a verbatim scalar", () => {
    const { positions } = parseYaml('a: "x ${{ env.Y }}"\n', "wf.yaml");
    expect(positions.value("/a", 2)).toMatchObject({ line: 1, column: 7 });
  });

  it("reports every duplicate key with both lines", () => {
    const parsed = parseYaml("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n", "wf.yaml");
    expect(parsed.problems.map((p) => [p.code, p.location?.line, p.location?.column, p.message])).toEqual([
      ["E_DUPLICATE_KEY", 4, 3, 'duplicate key "c" (first defined on line 3)'],
      ["E_DUPLICATE_KEY", 5, 1, 'duplicate key "a" (first defined on line 1)'],
    ]);
  });

  it.each([
    ["a: [1,\n", 2, 1],
    ["a: b: c\n", 1, 5],
    ["a: !!binary x\n", 1, 4],
  ])("turns syntax error %j into E_YAML at its position", (src, line, column) => {
    const parsed = parseYaml(src, "wf.yaml");
    expect(parsed.value).toBeUndefined();
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ code: "E_YAML", severity: "error", location: { file: "wf.yaml", line, column } });
  });

  it.each(["", "# nothing\n", "---\n"])("calls %j empty", (src) => {
    expect(parseYaml(src, "wf.yaml").problems.map((p) => p.code)).toEqual(["E_EMPTY_FILE"]);
  });

  it.each([["- a\n- b\n", "a list"], ["just words\n", "a string"], ["42\n", "a scalar"]])("refuses %j at the top", (src, what) => {
    const [problem] = parseYaml(src, "wf.yaml").problems;
    expect(problem?.code).toBe("E_NOT_A_MAPPING");
    expect(problem?.message).toContain(what);
  });

  it("refuses a second document", () => {
    const [problem] = parseYaml("a: 1\n---\nb: 2\n", "wf.yaml").problems;
    expect(problem).toMatchObject({ code: "E_YAML", location: { line: 3, column: 1 } });
  });

  it("records aliases at the alias", () => {
    const text2 = "x: &v\n  k: 1\ny: *v\n";
    expect(parseYaml(text2, "wf.yaml").value).toEqual({ x: { k: 1 }, y: { k: 1 } });
    expect(at(text2, "/y").value).toBe("3:4");
  });
});

describe("parseYaml anchors", () => {
  it("points a value with an anchor at the anchor", () => {
    const { positions } = parseYaml("x: &v 5\n", "wf.yaml");
    expect(positions.value("/x")).toMatchObject({ line: 1, column: 4 });
  });
});

describe("parseYaml values", () => {
  // What js-yaml itself builds from the same events, as parseYaml asks it to (CORE_SCHEMA, json).
  const jsYaml = (text: string): unknown => constructFromEvents(parseEvents(text, {}), { source: text, json: true })[0];
  const repo = fileURLToPath(new URL("../../../../", import.meta.url));
  const workflows = readdirSync(repo, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.ya?ml$/.test(f) && !/(^|\/)(node_modules|dist|\.git)\//.test(f))
    .map((f) => [relative(repo, join(repo, f)), readFileSync(join(repo, f), "utf8")] as const);

  it("finds the repository's YAML files", () => {
    expect(workflows.length).toBeGreaterThan(40);
  });

  it.each([
    ["scalars of every core type", "a: 1\nb: 1.0\nc: 0x1F\nd: 0o17\ne: .inf\nf: -.Inf\ng: .nan\nh: ~\ni: null\nj: true\nk: False\nl: ''\nm: \"1\"\nn:\no: 1e3\np: +12\nq: 012\nr: 1_000\ns: 2024-01-01\n"],
    ["keys that resolve to other types", "1: a\ntrue: b\nnull: c\n~: d\n1.0: e\n\"quoted\": f\n'x y': g\n0x10: h\n"],
    ["duplicate keys (the last wins)", "a: 1\nb: 2\na: 3\n"],
    ["__proto__ as an own key", "__proto__: { polluted: 1 }\nx: { \"__proto__\": 2 }\n"],
    ["flow collections", "a: [1, \"2\", {b: c}, []]\nd: {}\ne: [ [ ], { } ]\n"],
    ["block scalars", "a: |\n  line1\n  line2\nb: >-\n  folded\n  text\nc: |+\n  keep\n\nd: x\n"],
    ["nested and empty sequence items", "a:\n- - 1\n  - 2\n- x\n-\n- {}\n"],
    ["multi-line and quoted scalars", "a: one\n  two\nb: \"esc\\taped \\u00e9\"\nc: 'it''s'\n"],
    ["a merge key, which CORE_SCHEMA does not know", "<<: {a: 1}\nb: 2\n"],
    ["anchors and aliases (js-yaml constructs)", "a: &x {b: 1}\nc: *x\nd: &s str\ne: *s\n"],
    ["tags (js-yaml constructs)", "a: !!str 1\nb: !!int \"2\"\nc: !!map {d: 1}\n"],
  ])("builds what js-yaml builds: %s", (_, text) => {
    const parsed = parseYaml(text, "wf.yaml");
    expect(parsed.value).toStrictEqual(jsYaml(text));
    expect(Object.prototype.hasOwnProperty.call({}, "polluted")).toBe(false);
  });

  it("builds what js-yaml builds for every YAML file of the repository", () => {
    for (const [file, text] of workflows) {
      const parsed = parseYaml(text, file);
      if (parsed.value === undefined) continue;
      expect({ file, value: parsed.value }).toStrictEqual({ file, value: jsYaml(text) });
    }
  });
});
