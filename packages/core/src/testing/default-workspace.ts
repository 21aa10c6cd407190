import type { WorkspaceRef } from "../plugin.js";

/** The workspace of the emulator's default world. */
export const EMULATOR_WORKSPACE: WorkspaceRef = {
  subscriptionId: "00000000-0000-0000-0000-000000000000",
  resourceGroup: "ml-rg",
  name: "ml-ws",
};
