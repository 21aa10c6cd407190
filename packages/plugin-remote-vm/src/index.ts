import { ATTACH_OUTPUTS, ATTACHED_COMPUTE_NAME, attachPluginPlan, checkSshCredentials, DETACH_ACTION, normalizeResourceId, runConfigAction, SSH_SECRET_FIELDS, startDetach } from "@computeflow/attach-kit";
import { definePlugin } from "@computeflow/core";
import { runConfigFileFor } from "@computeflow/runconfig";
import { attachVm } from "./attach.js";
import { configureVmRun, REMOTE_VM } from "./configure-run.js";
import { planVmAttach } from "./plan.js";
import { attachSchema, type RemoteVmAttachWith } from "./schema.js";

export default definePlugin({
  apiVersion: 1,
  name: "remote-vm",
  description: "Attach a remote Ubuntu VM (RemoteCompute) and write its run configuration.",
  actions: {
    attach: {
      description: "Attach an existing VM over SSH, after checking it exists, has a public IP, runs Ubuntu and accepts the credentials.",
      schema: attachSchema,
      outputs: { ...ATTACH_OUTPUTS, docker: "`docker --version` on the VM, or empty when Docker is missing." },
      secretFields: SSH_SECRET_FIELDS,
      pathFields: ["private_key_file"],
      claimsComputeName: true,
      computeName: ATTACHED_COMPUTE_NAME,
      check: (input: RemoteVmAttachWith) => checkSshCredentials(input),
      attachedResource: (input: RemoteVmAttachWith) => normalizeResourceId(input.resource_id),
      destroy: "detach",
    },
    "configure-run": runConfigAction(REMOTE_VM, "Write the .runconfig (Python, Docker and/or Conda) that training runs on the VM load."),
    detach: DETACH_ACTION,
  },
  plan: attachPluginPlan(planVmAttach, (ctx) => runConfigFileFor(ctx, ctx.with)),
  attach: attachVm,
  configureRun: configureVmRun,
  detach: startDetach,
});
