import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { staticTokenCredential } from "../azure/credential.js";
import { defineAction, definePlugin, type ArmRequest, type BodyContext } from "../plugin.js";
import { fakeStep, fakeWorkflow } from "../testing/fake-step.js";
import { runEngine } from "./engine.js";
import type { RunEvent } from "./events.js";

const dirs: string[] = [];
const tmp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "cf-body-files-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const home = process.env.HOME;
afterEach(() => {
  process.env.HOME = home;
});

const schema = {
  type: "object",
  properties: { cert_file: { type: "string" }, key_file: { type: "string" }, notes_file: { type: "string" }, cname: { type: "string", default: "ml.example.com" } },
} as const;

/** Pure: everything it puts in the request comes from `input` and `ctx` (no fs in scope). */
function tlsRequest(input: { cert_file?: string; key_file?: string; cname: string }, ctx: BodyContext): ArmRequest {
  return {
    method: "PUT",
    path: `/subscriptions/${ctx.workspace.subscriptionId}/resourceGroups/${ctx.workspace.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${ctx.workspace.name}/computes/${ctx.computeName}`,
    apiVersion: "2021-07-01",
    body: { location: ctx.location, properties: { sslConfiguration: { cname: input.cname, cert: ctx.files.cert_file, key: ctx.files.key_file }, files: Object.keys(ctx.files) } },
  };
}

/** A plugin whose apply sends (here: returns) exactly body(ctx.with, ctx.bodyContext(location)). */
function tlsPlugin() {
  const sent: ArmRequest[] = [];
  const plugin = definePlugin({
    apiVersion: 2,
    name: "tls",
    actions: {
      provision: defineAction({
        schema,
        pathFields: ["cert_file", "key_file", "notes_file"],
        outputs: { name: "compute name" },
        body: tlsRequest,
        async apply(ctx) {
          sent.push(tlsRequest(ctx.with, ctx.bodyContext("westeurope")));
          return { outputs: { name: ctx.step.name } };
        },
      }),
    },
  });
  return { plugin, sent };
}

async function run(dir: string, withValue: Record<string, unknown>) {
  const { plugin, sent } = tlsPlugin();
  const events: RunEvent[] = [];
  const result = await runEngine(fakeWorkflow(dir, [fakeStep({ id: "web", plugin, action: "provision", with: () => withValue })]), {
    mode: "run",
    credential: staticTokenCredential(),
    onEvent: (e) => events.push(e),
    timeScale: 0.001,
  });
  return { result, sent, finished: events.find((e) => e.type === "step_finished") };
}

describe("BodyContext.files: core reads the action's path fields, body() never touches the disk", () => {
  it("hands body() the text of each path field set in `with`, relative to the workflow, absolute, or under ~", async () => {
    const dir = tmp();
    const fakeHome = tmp();
    process.env.HOME = fakeHome;
    mkdirSync(join(dir, "tls"));
    writeFileSync(join(dir, "tls", "cert.pem"), "-----BEGIN CERTIFICATE-----\nrelative\n");
    writeFileSync(join(fakeHome, "key.pem"), "-----BEGIN PRIVATE KEY-----\nfrom home\n");
    const { result, sent } = await run(dir, { cert_file: "tls/cert.pem", key_file: "~/key.pem" });
    expect(result.status).toBe("succeeded");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.path).toMatch(/\/workspaces\/ml-ws\/computes\/web$/);
    // notes_file is declared but not set: it is not in `files`.
    expect(sent[0]!.body).toEqual({
      location: "westeurope",
      properties: { sslConfiguration: { cname: "ml.example.com", cert: "-----BEGIN CERTIFICATE-----\nrelative\n", key: "-----BEGIN PRIVATE KEY-----\nfrom home\n" }, files: ["cert_file", "key_file"] },
    });

    const absolute = await run(tmp(), { cert_file: join(dir, "tls", "cert.pem") });
    expect(absolute.sent[0]!.body).toMatchObject({ properties: { sslConfiguration: { cert: "-----BEGIN CERTIFICATE-----\nrelative\n" }, files: ["cert_file"] } });
  });

  it("body() builds the same request from file text alone: no file needs to exist", () => {
    const { plugin } = tlsPlugin();
    const workspace = { subscriptionId: "s", resourceGroup: "rg", name: "ws" };
    const request = plugin.actions.provision.body!({ cert_file: "/nowhere/cert.pem", cname: "a.example.com" }, { computeName: "web", workspace, location: "westeurope", files: { cert_file: "CERT TEXT" } });
    expect(request.body).toMatchObject({ properties: { sslConfiguration: { cname: "a.example.com", cert: "CERT TEXT" }, files: ["cert_file"] } });
  });

  it("fails the step with E_PATH_NOT_FOUND naming the field when core cannot read the file", async () => {
    const { result, sent, finished } = await run(tmp(), { cert_file: "gone.pem" });
    expect(result.status).toBe("failed");
    expect(sent).toEqual([]);
    expect(finished).toMatchObject({ status: "failed", error: { code: "E_PATH_NOT_FOUND", message: "cert_file: cannot read gone.pem" } });
  });
});
