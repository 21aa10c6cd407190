import { describe, expect, it } from "vitest";
import { definePlugin, type StepContext } from "../plugin.js";
import { LoadedPlugin } from "./loaded-plugin.js";
import { pluginFromModule } from "./plugin-shape.js";

const throwing = (error: unknown) =>
  new LoadedPlugin(pluginFromModule({ default: definePlugin({ apiVersion: 1, name: "t", actions: { provision: { schema: {}, outputs: {} } }, provision: async () => Promise.reject(error) }) }, "plugin t"), "computeflow-plugin-t", undefined, "t.js");
const ctx = { step: { id: "s", name: "s", uses: "t", action: "provision" } } as unknown as StepContext;

describe("LoadedPlugin blames the plugin only for the plugin's own failures", () => {
  it("a sign-in failure surfacing through a hook is E_AUTH, not E_PLUGIN", async () => {
    const signIn = Object.assign(new Error("ChainedTokenCredential authentication failed."), { name: "AggregateAuthenticationError" });
    await expect(throwing(signIn).apply("provision", ctx)).rejects.toMatchObject({ code: "E_AUTH", message: "sign-in failed: ChainedTokenCredential authentication failed." });
  });

  it("a network error is classified as such; a TypeError names the plugin and hook", async () => {
    await expect(throwing(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })).apply("provision", ctx)).rejects.toMatchObject({ code: "E_TRANSIENT" });
    await expect(throwing(new TypeError("x is undefined")).apply("provision", ctx)).rejects.toMatchObject({ code: "E_PLUGIN", message: 'plugin "t" (computeflow-plugin-t) failed in provision: x is undefined' });
  });
});
