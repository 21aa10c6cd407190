import type { ComputeResource } from "@azure/arm-machinelearningservices";
import type { PlanEntry, StepContext, StepResult } from "@computeflow/core";
import { normalizeResourceId } from "./resource-id.js";
import { isSshPreflightError, publicKeyOf, sshPreflight } from "@computeflow/ssh-preflight";
import { startAttach } from "./attach-operation.js";
import { putCompute, workspaceLocation } from "./compute-put.js";
import { blocked, planAttach, type AttachPlanState, type AttachTarget } from "./plan-attach.js";
import { plannedState } from "./planned.js";
import { administratorAccount, checkSshCredentials, readSshCredentials, SSH_SECRET_FIELDS, type SshAttachWith } from "./ssh-credentials.js";

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

/** The attach hook of an SSH target: `body` builds the compute from the planned address and the credentials. */
export async function attachSsh(
  ctx: StepContext<SshAttachWith>,
  plan: (ctx: StepContext<any>) => Promise<PlanEntry>,
  body: (location: string | undefined, state: SshPlanState, administratorAccount: Record<string, string>) => ComputeResource,
): Promise<StepResult> {
  const credentials = await readSshCredentials(ctx, ctx.with);
  const state = await plannedState<SshPlanState>(ctx, plan);
  const docker = { docker: state.docker ?? null };
  if (state.mode === "noop") return startAttach(ctx, state, async () => {}, docker);
  const publicKey = credentials.privateKey === undefined ? undefined : publicKeyOf(credentials.privateKey, credentials.passphrase);
  const compute = body(await workspaceLocation(ctx), state, administratorAccount(credentials, publicKey));
  return startAttach(ctx, state, () => putCompute(ctx, compute), docker);
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
