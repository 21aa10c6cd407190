import type { ArmRequest, BodyContext, PlanEntry, StepContext, StepResult } from "@computeflow/core";
import { normalizeResourceId } from "./resource-id.js";
import { isSshPreflightError, sshPreflight } from "@computeflow/ssh-preflight";
import { applyAttach } from "./apply-attach.js";
import { blocked, planAttach, type AttachPlanState, type AttachTarget } from "./plan-attach.js";
import { checkSshCredentials, markPasswordsSecret, readSshCredentials, SSH_SECRET_FIELDS, usableKey, type SshAttachWith } from "./ssh-credentials.js";

export interface SshPlanState extends AttachPlanState {
  address?: string;
  /** `docker --version`, "" when the pre-flight found no Docker, null when it could not look. */
  docker?: string | null;
}

export interface SshAttachTarget extends AttachTarget {
  /** Where Azure ML (and the pre-flight) reaches the machine over SSH. */
  address: string;
  requireDocker: boolean;
}

/**
 * Plan of a VM / HDInsight attach: the workspace checks first, then the SSH pre-flight
 * (reachable, credentials, Ubuntu, Docker). A failure blocks an attach; for an existing
 * attachment it becomes a note, and the `docker` output still says what was found. An attach
 * already in flight (a resumed run) runs the pre-flight again, so `docker` is never left
 * unknown when it can be known; when the pre-flight cannot tell, `docker` is null, not "".
 */
export async function planSshAttach(ctx: StepContext<SshAttachWith & { reattach: boolean }>, target: SshAttachTarget): Promise<PlanEntry> {
  const credentials = await readSshCredentials(ctx, ctx.with);
  const entry = await planAttach(ctx, target, ctx.with.reattach);
  const waiting = entry.change === "in-progress" && (entry.state as AttachPlanState | undefined)?.mode === "wait";
  if (entry.change !== "attach" && entry.change !== "reattach" && entry.change !== "noop" && !waiting) return entry;
  const port = ctx.with.ssh_port;
  const endpoint = await ctx.azure.sshEndpoint(target.address, port);
  const notes = [...(entry.notes ?? [])];
  const state = (docker: string | null): SshPlanState => ({ ...(entry.state as AttachPlanState), address: target.address, docker });
  try {
    const found = await sshPreflight({ ...endpoint, display: `${target.address}:${port}`, ...credentials }, { requireDocker: target.requireDocker });
    notes.push(`SSH pre-flight passed: ${found.os.prettyName ?? found.os.id}, ${found.docker ?? "no Docker"}`);
    return { ...entry, notes, state: state(found.docker ?? "") };
  } catch (error) {
    if (!isSshPreflightError(error)) throw error;
    if (entry.change === "noop" || waiting) return { ...entry, notes: [...notes, `SSH pre-flight now fails: ${error.message} (${error.hint})`], state: state(null) };
    return blocked(error.code, error.message, error.hint, notes);
  }
}

/**
 * The attach hook of an SSH target: passwords marked secret, then applyAttach with the
 * action's body; the key text core read for it is marked secret (and refused when encrypted)
 * before anything is sent. The pre-flight's `docker` finding is an output.
 */
export function applySshAttach(ctx: StepContext<SshAttachWith>, plan: (ctx: StepContext<any>) => Promise<PlanEntry>, body: (at: BodyContext) => ArmRequest): Promise<StepResult> {
  markPasswordsSecret(ctx, ctx.with);
  const request = (at: BodyContext): ArmRequest => {
    const key = at.files.private_key_file;
    if (ctx.with.private_key_file !== undefined && key !== undefined) usableKey(ctx, ctx.with.private_key_file, key);
    return body(at);
  };
  return applyAttach<SshPlanState>(ctx, { plan, request, outputs: (state) => ({ docker: state.docker ?? null }) });
}

/** What the attach action of an SSH target (remote VM, HDInsight) shares: credentials as secrets, a key file, a resource id. */
export function sshAttachParts(dockerOn: string) {
  return {
    outputs: { docker: `\`docker --version\` on ${dockerOn}, empty when Docker is missing, null when the pre-flight could not tell.` },
    secretFields: SSH_SECRET_FIELDS,
    pathFields: ["private_key_file"] as const,
    check: (input: Omit<SshAttachWith, "ssh_port">) => checkSshCredentials(input),
    attachedResource: (input: { resource_id: string }) => normalizeResourceId(input.resource_id),
  };
}
