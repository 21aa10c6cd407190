import { idKey, resourceId } from "../arm/arm-id.js";
import { buildResources, type ArmResource } from "../world/build-resources.js";
import type { ResolvedWorld } from "../world/load-world.js";
import type { SubscriptionSpec, VmSizeSpec } from "../world/world-types.js";
import { OperationStore } from "./operations.js";
import { Timeline } from "./timeline.js";
import type { ComputeRecord } from "./compute-record.js";

export interface WorkspaceState {
  id: string;
  subscription: string;
  resourceGroup: string;
  name: string;
  location: string;
  computes: Map<string, ComputeRecord>;
}

export interface ResourceGroupState {
  subscription: string;
  name: string;
  location: string;
}

/** Everything the emulator knows; rebuilt from the world on reset. */
export class EmulatorState {
  readonly timeline = new Timeline();
  readonly operations = new OperationStore("op");
  readonly subscriptions = new Map<string, SubscriptionSpec>();
  readonly resourceGroups = new Map<string, ResourceGroupState>();
  readonly resources = new Map<string, ArmResource>();
  readonly workspaces = new Map<string, WorkspaceState>();
  readonly vmSizes = new Map<string, VmSizeSpec>();

  constructor(
    readonly world: ResolvedWorld,
    readonly timeScale: number,
    readonly clock: () => number = Date.now,
  ) {
    for (const size of world.vm_sizes ?? []) this.vmSizes.set(size.name.toLowerCase(), size);
    for (const sub of world.subscriptions) {
      this.subscriptions.set(sub.id.toLowerCase(), sub);
      for (const rg of sub.resource_groups) {
        this.resourceGroups.set(`${sub.id}/${rg.name}`.toLowerCase(), { subscription: sub.id, name: rg.name, location: rg.location });
        for (const r of buildResources(sub, rg)) this.resources.set(idKey(r.id), r);
        for (const ws of rg.workspaces ?? []) {
          const id = resourceId(sub.id, rg.name, "Microsoft.MachineLearningServices", "workspaces", ws.name);
          this.workspaces.set(idKey(id), {
            id, subscription: sub.id, resourceGroup: rg.name, name: ws.name,
            location: ws.location ?? rg.location, computes: new Map(),
          });
        }
      }
    }
  }

  /** Milliseconds for a world duration in seconds, under the time scale. */
  ms(seconds: number): number {
    return Math.round(seconds * 1000 * this.timeScale);
  }

  /** The clock, or while a due change is applied, the time it fell due. */
  now(): number {
    return this.timeline.current ?? this.clock();
  }

  advance(): void {
    this.timeline.advance(this.now());
  }

  after(seconds: number, run: () => void): void {
    this.timeline.at(this.now() + this.ms(seconds), run);
  }

  resourceGroup(sub: string, rg: string): ResourceGroupState | undefined {
    return this.resourceGroups.get(`${sub}/${rg}`.toLowerCase());
  }

  workspace(sub: string, rg: string, name: string): WorkspaceState | undefined {
    return this.workspaces.get(idKey(resourceId(sub, rg, "Microsoft.MachineLearningServices", "workspaces", name)));
  }

  vmSize(name: unknown): VmSizeSpec | undefined {
    return typeof name === "string" ? this.vmSizes.get(name.toLowerCase()) : undefined;
  }

  *allComputes(): Generator<[WorkspaceState, ComputeRecord]> {
    for (const ws of this.workspaces.values()) for (const c of ws.computes.values()) yield [ws, c];
  }
}
