import { defineAttachAction, detachAction, runConfigAction, sshAttachParts } from "@computeflow/attach-kit";
import { definePlugin, PLUGIN_API_VERSION } from "@computeflow/core";
import { runConfigFileFor } from "@computeflow/runconfig";
import { attachVm } from "./attach.js";
import { attachRequest } from "./body.js";
import { configureVmRun, REMOTE_VM } from "./configure-run.js";
import { planVmAttach } from "./plan.js";
import { attachSchema, type AttachInput } from "./schema.js";

/** `action: attach`, one unit: schema, credential checks, the VM and SSH pre-flight (plan), body, apply; destroy detaches (the VM stays). */
export const attachAction = defineAttachAction<AttachInput>({
  description: "Attach an existing VM over SSH, after checking it exists, has a public IP, runs Ubuntu and accepts the credentials.",
  schema: attachSchema,
  ...sshAttachParts("the VM"),
  body: attachRequest,
  plan: planVmAttach,
  apply: attachVm,
});

/** `action: configure-run`: the v2 command job (or v1 .runconfig) that trains on the VM. */
export const configureRunAction = runConfigAction(REMOTE_VM, {
  description: "Write the v2 command job (jobs/<step>.yml; image and/or Conda) that trains on the VM; `format: v1` writes a .runconfig.",
  apply: configureVmRun,
  generated: (ctx) => runConfigFileFor(ctx, ctx.with),
});

/** `uses: remote-vm` (plugin API 2): attach, configure-run, detach. */
export const remoteVmPlugin = definePlugin({
  apiVersion: PLUGIN_API_VERSION,
  name: "remote-vm",
  description: "Attach a remote Ubuntu VM (RemoteCompute) and write its run configuration.",
  actions: { attach: attachAction, "configure-run": configureRunAction, detach: detachAction },
});
