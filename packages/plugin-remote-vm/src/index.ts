import { attachPlugin, runConfigAction, sshAttachAction } from "@computeflow/attach-kit";
import { runConfigFileFor } from "@computeflow/runconfig";
import { attachVm } from "./attach.js";
import { configureVmRun, REMOTE_VM } from "./configure-run.js";
import { planVmAttach } from "./plan.js";
import { attachSchema } from "./schema.js";

export default attachPlugin({
  name: "remote-vm",
  description: "Attach a remote Ubuntu VM (RemoteCompute) and write its run configuration.",
  attach: sshAttachAction("Attach an existing VM over SSH, after checking it exists, has a public IP, runs Ubuntu and accepts the credentials.", attachSchema, "the VM"),
  configureRun: runConfigAction(REMOTE_VM, "Write the v2 command job (jobs/<step>.yml; image and/or Conda) that trains on the VM; `format: v1` writes a .runconfig."),
  planAttach: planVmAttach,
  attachHook: attachVm,
  configureRunHook: configureVmRun,
  generated: (ctx) => runConfigFileFor(ctx, ctx.with),
});
