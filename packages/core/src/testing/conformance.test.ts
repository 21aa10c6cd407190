import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ComputeflowError } from "../errors.js";
import { defineAction, definePlugin, PLUGIN_API_VERSION, type Plugin, type StepContext } from "../plugin.js";
import { assertConformance, checkConformance } from "./conformance.js";

// Plugins that only touch the file system: the checks' logic, through the real step context.
const NOWHERE = { endpoint: "https://127.0.0.1:9", caCert: "" };

type NoteAction = Plugin["actions"][string];

function notePlugin(overrides: Partial<Plugin> = {}, action: Partial<NoteAction> = {}): Plugin {
  const fileOf = (ctx: StepContext) => join(ctx.workflowDir, `${ctx.step.name}.txt`);
  const text = (ctx: StepContext) => String((ctx.with as { text: string }).text);
  return definePlugin({
    apiVersion: PLUGIN_API_VERSION,
    name: "note",
    actions: {
      "configure-run": {
        ...defineAction({
          schema: { type: "object", additionalProperties: false, required: ["text"], properties: { text: { type: "string" } } },
          outputs: { path: "the file" },
          async plan(ctx) {
            if (ctx.with.text === "fail") return { change: "blocked", code: "E_NOTE", reason: "no" };
            const current = await readFile(fileOf(ctx), "utf8").catch(() => undefined);
            return { change: current === ctx.with.text ? "noop" : "write" };
          },
          async apply(ctx) {
            if (ctx.plan?.change === "noop") return { changed: false, outputs: { path: fileOf(ctx) } };
            if (ctx.plan?.change === "blocked") throw new ComputeflowError({ code: "E_NOTE", message: "no" });
            await writeFile(fileOf(ctx), text(ctx));
            return { outputs: { path: fileOf(ctx) } };
          },
        }),
        ...action,
      } as NoteAction,
    },
    ...overrides,
  } as Plugin);
}

const applyOf = (plugin: Plugin) => plugin.actions["configure-run"]!.apply;

async function options(extra: Record<string, unknown> = {}) {
  return { ...NOWHERE, workflowDir: await mkdtemp(join(tmpdir(), "conformance-")), cases: { "configure-run": { with: { text: "hello" } } }, ...extra };
}

const failed = (report: { checks: { name: string; ok: boolean }[] }) => report.checks.filter((c) => !c.ok).map((c) => c.name);

describe("checkConformance", () => {
  it("passes a plugin that behaves", async () => {
    const report = await checkConformance(notePlugin(), await options({ errorCases: { "configure-run": { with: { text: "fail" }, code: "E_NOTE" } } }));
    expect(failed(report)).toEqual([]);
    expect(report.checks.map((c) => c.name)).toEqual(expect.arrayContaining(["apiVersion", "schema:configure-run", "outputs:configure-run", "idempotent:configure-run", "errors:configure-run"]));
  });

  it("stops at the contract: wrong apiVersion", async () => {
    const report = await checkConformance(notePlugin({ apiVersion: 3 as never }), await options());
    expect(failed(report)).toEqual(["apiVersion"]);
    expect(report.checks.some((c) => c.name.startsWith("run:"))).toBe(false);
  });

  it("finds a missing hook, and a schema ajv cannot compile", async () => {
    const report = await checkConformance(notePlugin({}, { apply: undefined as never }), await options());
    expect(failed(report)).toEqual(["contract"]);
    expect(report.checks.find((c) => c.name === "contract")?.detail).toContain('action "configure-run" has no `apply` hook');
    expect(failed(await checkConformance(notePlugin({}, { schema: { type: "no-such-type" } }), await options()))).toEqual(["schema:configure-run"]);
  });

  it("passes an API 1 plugin, loaded through the adapter, and says it is deprecated", async () => {
    const v2 = notePlugin();
    const action = v2.actions["configure-run"]!;
    const v1 = { apiVersion: 1 as const, name: "note", actions: { "configure-run": { schema: action.schema, outputs: action.outputs } }, plan: action.plan, configureRun: action.apply };
    const report = await checkConformance(v1, await options());
    expect(failed(report)).toEqual([]);
    expect(report.checks.find((c) => c.name === "apiVersion")?.detail).toContain("deprecated");
  });

  it("finds outputs that differ from the declared ones", async () => {
    const hook = applyOf(notePlugin());
    const plugin = notePlugin({}, { apply: async (ctx) => ({ ...(await hook(ctx)), outputs: { path: "x", extra: 1 } }) });
    const report = await checkConformance(plugin, await options());
    expect(failed(report)).toContain("outputs:configure-run");
    expect(report.checks.find((c) => c.name === "outputs:configure-run")?.detail).toBe("declared [path], produced [extra, path]");
  });

  it("finds a second run that changes something again", async () => {
    const plugin = notePlugin({}, { plan: async () => ({ change: "write" }) });
    expect(failed(await checkConformance(plugin, await options()))).toEqual(["idempotent:configure-run"]);
  });

  it("finds a bare Error where a coded ComputeflowError belongs", async () => {
    const plugin = notePlugin({}, {
      plan: async () => ({ change: "write" }),
      apply: async (ctx) => {
        if ((ctx.with as { text: string }).text === "fail") throw new Error("ENOENT: something");
        return { changed: false, outputs: { path: "p" } };
      },
    });
    const report = await checkConformance(plugin, await options({ cases: {}, errorCases: { "configure-run": { with: { text: "fail" } } } }));
    expect(failed(report)).toEqual(["errors:configure-run"]);
    expect(report.checks.find((c) => c.name === "errors:configure-run")?.detail).toMatch(/bare Error: ENOENT/);
  });

  it("finds a secret value published as an output, while logs are redacted by the context", async () => {
    const hook = applyOf(notePlugin());
    const plugin = notePlugin({}, {
      apply: async (ctx) => {
        ctx.log.info(`text is ${(ctx.with as { text: string }).text}`);
        const result = await hook(ctx);
        return { ...result, outputs: { path: (ctx.with as { text: string }).text } };
      },
    });
    const report = await checkConformance(plugin, await options({ cases: { "configure-run": { with: { text: "hunter2" }, secrets: ["hunter2"] } } }));
    expect(failed(report)).toEqual(["no-secret-leak:configure-run"]);
    expect(report.checks.find((c) => c.name === "no-secret-leak:configure-run")?.detail).not.toContain("hunter2");
  });

  it("assertConformance lists every failed check in one error", async () => {
    await expect(assertConformance(notePlugin({ name: "Bad Name" }), await options())).rejects.toThrow(/plugin Bad Name is not conformant:\n {2}name/);
  });
});
