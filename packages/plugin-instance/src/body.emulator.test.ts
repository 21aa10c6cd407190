import { startEmulator, type RunningEmulator } from "@computeflow/emulator";
import { applyDefaults, EMULATOR_WORKSPACE } from "@computeflow/core/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { outputsOf, runStep, writes } from "@computeflow/compute-kit/testing";
import plugin from "./index.js";
import { provisionSchema } from "./schema.js";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.02, ssh: false });
});
afterAll(async () => emulator?.close());
beforeEach(() => emulator.reset());

/** The emulator's workspace id (Workspace.properties.workspaceId), as core's ARM engine hands it to body(). */
const WORKSPACE_ID = "00000000-0000-0000-0000-00000000cccc";
const stopAt6 = { action: "stop", trigger: { type: "cron", expression: "0 18 * * *" } };
const scripts = { creation_script: { path: "Users/admin/setup.sh", timeout_minutes: 10 } };

describe("instance provision: body(input) is exactly the create apply sends", () => {
  it.each([
    ["2021-07-01 through core's client", { vm_size: "STANDARD_DS3_V2", tags: { owner: "alice" }, description: "notebook VM", ssh_public_access: true, admin_user_ssh_public_key: "ssh-ed25519 AAAAC3Nz demo" }, "2021-07-01"],
    ["raw at 2023-04-01 (idle shutdown)", { idle_time_before_shutdown_minutes: 30, schedules: { compute_start_stop: [stopAt6] } }, "2023-04-01"],
    ["raw at 2022-10-01 (schedules)", { schedules: { compute_start_stop: [stopAt6] } }, "2022-10-01"],
    ["typed at 2022-10-01 (setup scripts, node public IP)", { setup_scripts: scripts, enable_node_public_ip: false }, "2022-10-01"],
    ["under its unique name", { unique_name: true }, "2021-07-01"],
  ])("%s: path, api-version and JSON body", async (_, input, apiVersion) => {
    outputsOf(await runStep(emulator, plugin, { id: "ci-body", action: "provision" }, input));
    const [put] = writes(emulator);
    const request = plugin.actions.provision.body!(applyDefaults(provisionSchema, input), { computeName: "ci-body", workspace: EMULATOR_WORKSPACE, location: "westeurope", workspaceId: WORKSPACE_ID, files: {} });
    expect(request.apiVersion).toBe(apiVersion);
    expect(put?.method).toBe("PUT");
    expect(put?.path).toBe(`${request.path}?api-version=${request.apiVersion}`);
    expect(put?.body).toEqual(JSON.parse(JSON.stringify(request.body)));
  });

  it("a unique_name body needs the workspace id: without it, body() says so instead of guessing a name", () => {
    expect(() => plugin.actions.provision.body!(applyDefaults(provisionSchema, { unique_name: true }), { computeName: "ci", workspace: EMULATOR_WORKSPACE, location: "westeurope", files: {} })).toThrow(/workspace id/);
  });
});
