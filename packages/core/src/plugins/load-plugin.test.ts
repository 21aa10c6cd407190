import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { StepContext } from "../plugin.js";
import { loadPlugin } from "./load-plugin.js";
import type { HookCall } from "./loaded-plugin.js";

const workspace = fileURLToPath(new URL("./__fixtures__/workspace/", import.meta.url));
const workflow = join(workspace, "wf.yaml");
const ctx = (action: string, input: Record<string, unknown> = {}) =>
  ({ step: { id: "s1", name: "s1", uses: "fixture", action }, with: input, needs: {} }) as unknown as StepContext;

describe("loadPlugin", () => {
  it("resolves a short name to computeflow-plugin-NAME from the workflow's node_modules", async () => {
    const loaded = await loadPlugin("fixture", workflow);
    expect(loaded).toMatchObject({ name: "fixture", packageName: "computeflow-plugin-fixture", version: "1.2.3", actions: ["provision", "attach", "configure-run"] });
    expect(loaded.file).toBe(join(workspace, "node_modules/computeflow-plugin-fixture/index.js"));
  });

  it("imports each plugin module once", async () => {
    expect(await loadPlugin("fixture", workflow)).toBe(await loadPlugin("computeflow-plugin-fixture", workflow));
  });

  it("loads a scoped package through its `exports`", async () => {
    const loaded = await loadPlugin("@acme/computeflow-plugin-thing", workflow);
    expect(loaded).toMatchObject({ name: "thing", packageName: "@acme/computeflow-plugin-thing", version: "2.0.0" });
    expect(loaded.file).toBe(join(workspace, "node_modules/@acme/computeflow-plugin-thing/lib/main.js"));
  });

  it("loads a local path relative to the workflow file", async () => {
    const loaded = await loadPlugin("./plugins/local-target.js", workflow);
    expect(loaded).toMatchObject({ name: "local-target", packageName: "./plugins/local-target.js", actions: ["configure-run"] });
    await expect(loaded.apply("configure-run", ctx("configure-run"))).resolves.toEqual({ outputs: { file: "run.yml" }, changed: false });
  });

  it("reads a `plugin` named export", async () => {
    await expect(loadPlugin("nohook", workflow)).rejects.toMatchObject({ code: "E_PLUGIN_LOAD", message: expect.stringContaining('action "provision" has no `provision` hook') });
    await expect(loadPlugin("nohook", workflow)).rejects.toMatchObject({ message: expect.stringContaining('action "configure-run" has no `schema` object; action "configure-run" has no `configureRun` hook') });
  });

  it("names the install command for an unknown plugin", async () => {
    await expect(loadPlugin("notthere", workflow)).rejects.toMatchObject({
      code: "E_UNKNOWN_PLUGIN",
      message: 'unknown plugin "notthere": package @computeflow/plugin-notthere or computeflow-plugin-notthere is not installed',
      hint: "npm i -D @computeflow/plugin-notthere",
    });
    await expect(loadPlugin("@acme/nope", workflow)).rejects.toMatchObject({ code: "E_UNKNOWN_PLUGIN", hint: "npm i -D @acme/nope" });
    await expect(loadPlugin("fixtrue", workflow)).rejects.toMatchObject({ code: "E_UNKNOWN_PLUGIN", message: expect.stringMatching(/is not installed \(did you mean `fixture`\?\)$/) });
  });

  it("refuses a local path that does not exist", async () => {
    await expect(loadPlugin("./plugins/missing.js", workflow)).rejects.toMatchObject({ code: "E_UNKNOWN_PLUGIN", message: expect.stringContaining("missing.js does not exist") });
  });

  it("refuses a plugin built for another plugin API", async () => {
    await expect(loadPlugin("old-api", workflow)).rejects.toMatchObject({ code: "E_PLUGIN_API", message: "plugin computeflow-plugin-old-api implements plugin API 0; this computeflow implements plugin API 2 (and still loads API 1)" });
  });

  it("turns a module that throws on import into E_PLUGIN_LOAD", async () => {
    await expect(loadPlugin("broken", workflow)).rejects.toMatchObject({ code: "E_PLUGIN_LOAD", message: "plugin computeflow-plugin-broken failed to load: cannot find the thing this plugin needs" });
  });
});

describe("LoadedPlugin", () => {
  it("calls hooks, timing every call", async () => {
    const loaded = await loadPlugin("fixture", workflow);
    const calls: HookCall[] = [];
    const stop = loaded.observe((call) => calls.push(call));
    await expect(loaded.plan("provision", ctx("provision"))).resolves.toEqual({ change: "create", summary: "create s1" });
    await expect(loaded.apply("provision", ctx("provision"))).resolves.toEqual({ outputs: { name: "s1", id: "/computes/s1", state: "Succeeded" } });
    await expect(loaded.apply("attach", ctx("attach"))).rejects.toThrow();
    stop();
    await loaded.plan("provision", ctx("provision"));
    expect(calls.map((c) => [c.hook, c.ok, c.step])).toEqual([["plan", true, "s1"], ["provision", true, "s1"], ["attach", false, "s1"]]);
    expect(calls.every((c) => c.durationMs >= 0)).toBe(true);
  });

  it("wraps anything a hook throws in a ComputeflowError naming the plugin", async () => {
    const loaded = await loadPlugin("fixture", workflow);
    await expect(loaded.apply("attach", ctx("attach"))).rejects.toMatchObject({
      code: "E_PLUGIN",
      errorClass: "plugin",
      message: 'plugin "fixture" (computeflow-plugin-fixture) failed in attach: attach exploded',
      cause: expect.objectContaining({ message: "attach exploded" }),
    });
    await expect(loaded.apply("configure-run", ctx("configure-run", { fail: "plain" }))).rejects.toMatchObject({ code: "E_PLUGIN", message: expect.stringContaining("failed in configure-run: a string, not an Error") });
  });

  it("passes a ComputeflowError from another copy of core through unchanged", async () => {
    const loaded = await loadPlugin("fixture", workflow);
    await expect(loaded.apply("configure-run", ctx("configure-run", { fail: "coded" }))).rejects.toMatchObject({ code: "E_QUOTA", message: "quota exceeded" });
  });

  it("refuses an action the plugin does not have, listing the ones it has", async () => {
    const loaded = await loadPlugin("fixture", workflow);
    expect(loaded.action("configure-run")).toBeDefined();
    expect(loaded.action("detach")).toBeUndefined();
    await expect(loaded.apply("detach", ctx("detach"))).rejects.toMatchObject({ code: "E_UNSUPPORTED_ACTION", hint: "supported actions: provision, attach, configure-run" });
  });

  it("returns undefined from plan when the plugin has no plan hook", async () => {
    const loaded = await loadPlugin("./plugins/local-target.js", workflow);
    await expect(loaded.plan("configure-run", ctx("configure-run"))).resolves.toBeUndefined();
  });

  it("validates `with` against the action's schema", async () => {
    const loaded = await loadPlugin("fixture", workflow);
    expect(loaded.validateWith("provision", { vm_size: "STANDARD_D2_V2", max_nodes: 4 })).toEqual([]);
    expect(loaded.validateWith("provision", { vm_size: "x", max_nodes: -1, max_node: 3 }).map((i) => [i.pointer, i.message])).toEqual([
      ["/max_node", "unknown key `max_node` (did you mean `max_nodes`?)"],
      ["/max_nodes", "`max_nodes` must be >= 0 (got -1)"],
    ]);
  });
});
