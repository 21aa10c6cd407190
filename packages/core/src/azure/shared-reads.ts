import type { AzureMachineLearningWorkspaces, ComputeResource, Usage, Workspace } from "@azure/arm-machinelearningservices";
import type { SharedReads, WorkspaceRef } from "../plugin.js";
import { currentStepId } from "../runtime/step-scope.js";
import { listComputes, readCompute } from "./compute-reads.js";
import { listLocation } from "./location-reads.js";
import type { ArmSender } from "./ml-rest.js";

/** What the run's request gate and poller tell the cache, beyond what plugins ask of it. */
export interface SharedReadsFeed {
  /** A write to `path` is about to be sent: a compute it names is no longer as listed. */
  noteWrite(path: string): void;
  /** The poller listed a workspace's computes (request sent at `since`, see `mark()`). */
  observeComputes(workspace: WorkspaceRef, computes: readonly ComputeResource[], since: number): void;
  /** A sequence number to pass back to observeComputes for a list about to be requested. */
  mark(): number;
}

interface Snapshot {
  since: number;
  byName: Map<string, ComputeResource>;
}

const norm = (s: string): string => s.toLowerCase();
const region = (location: string): string => location.toLowerCase().replace(/\s+/g, "");
const wsKey = (w: WorkspaceRef): string => norm(`${w.resourceGroup}/${w.name}`);
const COMPUTE_PATH = /\/resourceGroups\/([^/]+)\/providers\/Microsoft\.MachineLearningServices\/workspaces\/([^/]+)\/computes\/([^/?]+)/i;

/**
 * One subscription's reads for a whole run: each workspace, VM-size list, usage list and
 * quota list is read at most once, whatever the number of steps asking. Compute existence
 * and state come from one list per workspace, refreshed whenever the poller lists it; a
 * compute this run wrote since is read again by name. Usages count the vCPUs the run's own
 * steps claimed, so quota is checked against what the run itself has asked for.
 */
export function createSharedReads(client: () => Promise<AzureMachineLearningWorkspaces>, send: ArmSender, subscriptionId: string): SharedReads & SharedReadsFeed {
  const once = new Map<string, Promise<unknown>>();
  const snapshots = new Map<string, Snapshot>();
  const listing = new Map<string, Promise<Snapshot>>();
  const writtenAt = new Map<string, number>();
  const claims = new Map<string, Map<string, { usages: string[]; vcpus: number }>>();
  let seq = 0;

  function memo<T>(key: string, load: () => Promise<T>): Promise<T> {
    let promise = once.get(key) as Promise<T> | undefined;
    if (!promise) {
      promise = load();
      once.set(key, promise);
      promise.catch(() => once.delete(key));
    }
    return promise;
  }

  async function list(workspace: WorkspaceRef): Promise<Snapshot> {
    const since = ++seq;
    const byName = new Map<string, ComputeResource>();
    for (const compute of await listComputes(send, workspace)) if (compute.name) byName.set(norm(compute.name), compute);
    return { since, byName };
  }

  function store(workspace: WorkspaceRef, snapshot: Snapshot): void {
    const key = wsKey(workspace);
    if ((snapshots.get(key)?.since ?? -1) < snapshot.since) snapshots.set(key, snapshot);
  }

  async function snapshot(workspace: WorkspaceRef): Promise<Snapshot> {
    const key = wsKey(workspace);
    const known = snapshots.get(key);
    if (known) return known;
    let pending = listing.get(key);
    if (!pending) {
      pending = list(workspace).then((s) => (store(workspace, s), s));
      listing.set(key, pending);
      pending.then(
        () => listing.delete(key),
        () => listing.delete(key),
      );
    }
    return pending;
  }

  const claimsOf = (location: string) => {
    let perStep = claims.get(region(location));
    if (!perStep) claims.set(region(location), (perStep = new Map()));
    return perStep;
  };
  const usageKey = (u: Usage): string => norm(u.id ?? u.name?.value ?? "");
  const usageLists = new Map<string, Usage[]>();
  const usageList = (location: string): Promise<Usage[]> =>
    memo(`usages/${region(location)}`, async () => {
      const out = await listLocation(send, subscriptionId, location, "usages");
      usageLists.set(region(location), out);
      return out;
    });
  /** vCPUs per usage that the run's other steps claimed. */
  const askedByOthers = (location: string): Map<string, number> => {
    const self = currentStepId();
    const asked = new Map<string, number>();
    for (const [step, claim] of claimsOf(location)) {
      if (step === self) continue;
      for (const u of claim.usages) asked.set(u, (asked.get(u) ?? 0) + claim.vcpus);
    }
    return asked;
  };

  return {
    workspace: (w) => memo(`ws/${wsKey(w)}`, async () => (await client()).workspaces.get(w.resourceGroup, w.name)) as Promise<Workspace>,
    vmSizes: (location) => memo(`sizes/${region(location)}`, () => listLocation(send, subscriptionId, location, "vmSizes")),
    async usages(location) {
      const listed = await usageList(location);
      const asked = askedByOthers(location);
      return listed.map((u) => (asked.has(usageKey(u)) ? { ...u, currentValue: (u.currentValue ?? 0) + asked.get(usageKey(u))! } : u));
    },
    claimUsage(location, usages, vcpus) {
      // Checked against the claims as they are now, so two steps cannot both take the last vCPUs.
      const asked = askedByOthers(location);
      const crowded = usages.some((u) => {
        const listed = usageLists.get(region(location))?.find((l) => usageKey(l) === usageKey(u)) ?? u;
        return listed.limit !== undefined && (listed.currentValue ?? 0) + (asked.get(usageKey(u)) ?? 0) + vcpus > listed.limit;
      });
      if (crowded) return false;
      claimsOf(location).set(currentStepId() ?? `claim-${++seq}`, { usages: usages.map(usageKey), vcpus });
      return true;
    },
    quotas: (location) => memo(`quotas/${region(location)}`, () => listLocation(send, subscriptionId, location, "quotas")),
    async computes(workspace) {
      return [...(await snapshot(workspace)).byName.values()];
    },
    async compute(workspace, name) {
      const key = `${wsKey(workspace)}/${norm(name)}`;
      const listed = await snapshot(workspace);
      if ((writtenAt.get(key) ?? -1) < listed.since) return listed.byName.get(norm(name));
      return readCompute(send, workspace, name);
    },
    noteWrite(path) {
      const m = COMPUTE_PATH.exec(path);
      if (m) writtenAt.set(norm(`${decodeURIComponent(m[1]!)}/${decodeURIComponent(m[2]!)}/${decodeURIComponent(m[3]!)}`), ++seq);
    },
    observeComputes(workspace, computes, since) {
      store(workspace, { since, byName: new Map(computes.filter((c) => c.name).map((c) => [norm(c.name!), c])) });
    },
    mark: () => ++seq,
  };
}
