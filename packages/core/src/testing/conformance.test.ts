import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ComputeflowError } from "../errors.js";
import { definePlugin, PLUGIN_API_VERSION, type Plugin, type StepContext } from "../plugin.js";
import { assertConformance, checkConformance } from "./conformance.js";

// Plugins that only touch the file system: the checks' logic, through the real step context.
const NOWHERE = { endpoint: "https://127.0.0.1:9", caCert: "" };

function notePlugin(overrides: Partial<Plugin> = {}): Plugin {
  const fileOf = (ctx: StepContext) => join(ctx.workflowDir, `${ctx.step.name}.txt`);
  const text = (ctx: StepContext) => String((ctx.with as { text: string }).text);
  return definePlugin({
    apiVersion: PLUGIN_API_VERSION,
    name: "note",
    actions: {
      "configure-run": {
        schema: { type: "object", additionalProperties: false, required: ["text"], properties: { text: { type: "string" } } },
        outputs: { path: "the file" },
      },
    },
    async plan(ctx) {
      if (text(ctx) === "fail") return { change: "blocked", code: "E_NOTE", reason: "no" };
      const current = await readFile(fileOf(ctx), "utf8").catch(() => undefined);
      return { change: current === text(ctx) ? "noop" : "write" };
    },
    async configureRun(ctx) {
      if (ctx.plan?.change === "noop") return { changed: false, outputs: { path: fileOf(ctx) } };
      if (ctx.plan?.change === "blocked") throw new ComputeflowError({ code: "E_NOTE", message: "no" });
      await writeFile(fileOf(ctx), text(ctx));
      return { outputs: { path: fileOf(ctx) } };
    },
    ...overrides,
  } as Plugin);
}

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
    const report = await checkConformance(notePlugin({ apiVersion: 2 as never }), await options());
    expect(failed(report)).toEqual(["apiVersion"]);
    expect(report.checks.some((c) => c.name.startsWith("run:"))).toBe(false);
  });

  it("finds a missing hook and a schema ajv cannot compile", async () => {
    const plugin = notePlugin({ configureRun: undefined });
    (plugin.actions as Record<string, unknown>)["configure-run"] = { schema: { type: "no-such-type" }, outputs: {} };
    expect(failed(await checkConformance(plugin, await options()))).toEqual(["hook:configure-run", "schema:configure-run"]);
  });

  it("finds outputs that differ from the declared ones", async () => {
    const plugin = notePlugin();
    const hook = plugin.configureRun!;
    plugin.configureRun = async (ctx) => ({ ...(await hook(ctx)), outputs: { path: "x", extra: 1 } });
    const report = await checkConformance(plugin, await options());
    expect(failed(report)).toContain("outputs:configure-run");
    expect(report.checks.find((c) => c.name === "outputs:configure-run")?.detail).toBe("declared [path], produced [extra, path]");
  });

  it("finds a second run that changes something again", async () => {
    const plugin = notePlugin({ plan: async () => ({ change: "write" }) });
    expect(failed(await checkConformance(plugin, await options()))).toEqual(["idempotent:configure-run"]);
  });

  it("finds a bare Error where a coded ComputeflowError belongs", async () => {
    const plugin = notePlugin({
      plan: async () => ({ change: "write" }),
      configureRun: async (ctx) => {
        if ((ctx.with as { text: string }).text === "fail") throw new Error("ENOENT: something");
        return { changed: false, outputs: { path: "p" } };
      },
    });
    const report = await checkConformance(plugin, await options({ cases: {}, errorCases: { "configure-run": { with: { text: "fail" } } } }));
    expect(failed(report)).toEqual(["errors:configure-run"]);
    expect(report.checks.find((c) => c.name === "errors:configure-run")?.detail).toMatch(/bare Error: ENOENT/);
  });

  it("finds a secret value published as an output, while logs are redacted by the context", async () => {
    const plugin = notePlugin();
    const hook = plugin.configureRun!;
    plugin.configureRun = async (ctx) => {
      ctx.log.info(`text is ${(ctx.with as { text: string }).text}`);
      const result = await hook(ctx);
      return { ...result, outputs: { path: (ctx.with as { text: string }).text } };
    };
    const report = await checkConformance(plugin, await options({ cases: { "configure-run": { with: { text: "hunter2" }, secrets: ["hunter2"] } } }));
    expect(failed(report)).toEqual(["no-secret-leak:configure-run"]);
    expect(report.checks.find((c) => c.name === "no-secret-leak:configure-run")?.detail).not.toContain("hunter2");
  });

  it("assertConformance lists every failed check in one error", async () => {
    await expect(assertConformance(notePlugin({ name: "Bad Name" }), await options())).rejects.toThrow(/plugin Bad Name is not conformant:\n {2}name/);
  });
});
