import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { load } from "js-yaml";
import { DEFAULT_VM_SIZES } from "./vm-size-catalog.js";
import type { Durations, World } from "./world-types.js";

const DEFAULT_DURATIONS: Durations = {
  create: 3, update: 1, attach: 2, delete: 2, start: 2, stop: 2, restart: 3, resize: 1, retry_after: 1,
};

export interface ResolvedWorld extends World {
  durations: Durations;
  page_size: number;
  tenant_id: string;
  demo_secrets: Record<string, string>;
}

export function parseWorldYaml(text: string, source: string): World {
  const data = load(text);
  if (!data || typeof data !== "object" || !Array.isArray((data as World).subscriptions)) {
    throw new Error(`${source}: a world file needs a 'subscriptions' list`);
  }
  return data as World;
}

export function loadWorldFile(path: string): World {
  return parseWorldYaml(readFileSync(path, "utf8"), path);
}

export function defaultWorldPath(): string {
  return fileURLToPath(new URL("../../fixtures/default-world.yaml", import.meta.url));
}

export function defaultWorld(): World {
  return loadWorldFile(defaultWorldPath());
}

export function resolveWorld(world: string | World | undefined): ResolvedWorld {
  const w = typeof world === "string" ? loadWorldFile(world) : (world ?? defaultWorld());
  return {
    ...w,
    durations: { ...DEFAULT_DURATIONS, ...w.durations },
    page_size: w.page_size ?? 50,
    tenant_id: w.tenant_id ?? "11111111-1111-1111-1111-111111111111",
    demo_secrets: { ...w.demo_secrets },
    vm_sizes: w.vm_sizes ?? [...DEFAULT_VM_SIZES],
  };
}
