import { describe, it } from "vitest";
import { diagnostics, runCli } from "./__fixtures__/run-cli.js";

const dir = "src/__fixtures__/workflows";

const runs = new Map<string, ReturnType<typeof runValidate>>();

/** Runs `validate` once per fixture (the cases share the run) and parses its diagnostics. */
function validate(name: string) {
  if (!runs.has(name)) runs.set(name, runValidate(name));
  return runs.get(name)!;
}

async function runValidate(name: string) {
  const run = await runCli(["validate", `${dir}/${name}`]);
  return { ...run, found: diagnostics(run.stderr) };
}

type Case = [fixture: string, code: string, line: number, column: number, message: RegExp, hint?: RegExp];

const cases: Case[] = [
  ["yaml-syntax.yaml", "E_YAML", 11, 1, /YAML syntax error/],
  ["duplicate-keys.yaml", "E_DUPLICATE_KEY", 13, 7, /duplicate key "vm_size" \(first defined on line 12\)/],
  ["empty.yaml", "E_EMPTY_FILE", 1, 1, /empty/],
  ["list.yaml", "E_NOT_A_MAPPING", 1, 1, /not a list/],
  ["binary.yaml", "E_BINARY_FILE", 1, 1, /binary file/],
  ["unknown-keys.yaml", "E_UNKNOWN_KEY", 3, 1, /descripton/, /description/],
  ["unknown-keys.yaml", "E_UNKNOWN_KEY", 12, 5, /need\b/, /needs/],
  ["with-range.yaml", "E_SCHEMA", 13, 18, /`max_nodes` must be >= 1 \(got -1\)/],
  ["with-range.yaml", "E_SCHEMA", 19, 18, /min_nodes \(5\) is greater than max_nodes \(2\)/],
  ["with-range.yaml", "E_SCHEMA", 26, 18, /`max_nodes` must be an integer/],
  ["unknown-plugin.yaml", "E_UNKNOWN_PLUGIN", 9, 11, /computeflow-plugin-does-not-exist/, /npm i/],
  ["unsupported-action.yaml", "E_UNSUPPORTED_ACTION", 10, 13, /provison/, /provision/],
  ["unsupported-target.yaml", "E_UNSUPPORTED_TARGET", 9, 11, /created dynamically when you deploy a model.*cannot be created or attached/, /model deployment.*amlcompute/],
  ["missing-need.yaml", "E_UNKNOWN_STEP", 11, 13, /ghost/],
  ["cycle.yaml", "E_CYCLE", 13, 3, /^cycle: alpha -> gamma -> alpha$/],
  ["cycle-and-schema.yaml", "E_SCHEMA", 14, 18, /`max_nodes` must be >= 1 \(got -1\)/],
  ["cycle-and-schema.yaml", "E_CYCLE", 8, 3, /^cycle: alpha -> beta -> alpha$/],
  ["expressions.yaml", "E_EXPRESSION", 17, 16, /does not parse/],
  ["expressions.yaml", "E_EXPRESSION", 22, 20, /unknown step `nowhere`/],
  ["expressions.yaml", "E_EXPRESSION", 27, 20, /step `base` has no output `colour`/, /name, id/],
  ["expressions.yaml", "E_EXPRESSION", 32, 20, /unknown context `vars`/],
  ["literal-secret.yaml", "E_LITERAL_SECRET", 13, 23, /admin_password/, /secrets\./],
  ["duplicate-name.yaml", "E_DUPLICATE_NAME", 17, 11, /shared-name/],
  ["compute-names.yaml", "E_COMPUTE_NAME", 11, 11, /"a"/],
  ["compute-names.yaml", "E_COMPUTE_NAME", 17, 11, /cluster-name-is-17/],
  ["compute-names.yaml", "E_COMPUTE_NAME", 23, 11, /9cluster/],
  ["compute-names.yaml", "E_COMPUTE_NAME", 29, 11, /my_cluster/],
  ["compute-names.yaml", "E_COMPUTE_NAME", 35, 11, /"ab"/],
  ["missing-path.yaml", "E_PATH_NOT_FOUND", 13, 21, /does-not-exist\.pem/],
  ["amlcompute.yaml", "E_SCHEMA", 13, 18, /`max_nodes` must be >= 1/],
  ["amlcompute.yaml", "E_SCHEMA", 20, 18, /max_nodes \(1\) is less than min_nodes \(3\)/],
  ["amlcompute.yaml", "E_COMPUTE_NAME", 24, 11, /"cluster-name-too-long" is 21 characters long.*2 to 16/],
  ["amlcompute.yaml", "E_LITERAL_SECRET", 28, 28, /admin_user_password/, /secrets\.ADMIN_USER_PASSWORD/],
  ["amlcompute.yaml", "E_COMPUTE_NAME", 34, 7, /"ci" is 2 characters long.*3 to 24/, /unique_name: true/],
  ["duplicate-attachment.yaml", "E_DUPLICATE_ATTACHMENT", 16, 5, /`vm-two` attaches the same resource as step `vm-one`/],
];

describe.concurrent("computeflow validate (child process): each bad input", () => {
  it.for(cases)("%s -> %s at %i:%i", async ([fixture, code, line, column, message, hint], { expect }) => {
    const { code: exit, found, stderr } = await validate(fixture);
    expect(exit).toBe(2);
    expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(stderr).not.toContain("E_INTERNAL");
    const match = found.find((d) => d.code === code && (line === 0 || (d.line === line && d.column === column)));
    expect(match, `no ${code} at ${line}:${column} in\n${JSON.stringify(found, null, 2)}`).toBeDefined();
    expect(match!.file).toBe(`${dir}/${fixture}`);
    expect(match!.severity).toBe("error");
    expect(match!.message).toMatch(message);
    if (hint) expect(match!.hint).toMatch(hint);
  });
});

describe.concurrent("computeflow validate (child process): nothing but the expected problems", () => {
  const expected = new Map<string, string[]>();
  for (const [fixture, code, line, column] of cases) expected.set(fixture, [...(expected.get(fixture) ?? []), `${code}@${line}:${column}`]);

  it.for([...expected.keys()])("%s reports exactly its cases", async (fixture, { expect }) => {
    const { found } = await validate(fixture);
    expect(found.map((d) => `${d.code}@${d.line}:${d.column}`).sort()).toEqual([...expected.get(fixture)!].sort());
  });
});
