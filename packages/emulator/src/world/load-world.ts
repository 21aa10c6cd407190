import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { load, YAMLException } from "js-yaml";
import { DEFAULT_VM_SIZES } from "./vm-size-catalog.js";
import { worldProblems } from "./check-world.js";
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

/** Parses and checks a world file; errors read `FILE:LINE:COL: error[E_WORLD]: ...`. */
export function parseWorldYaml(text: string, source: string): World {
  let data: unknown;
  try {
    data = load(text);
  } catch (e) {
    if (e instanceof YAMLException) {
      const where = e.mark ? `:${e.mark.line + 1}:${e.mark.column + 1}` : "";
      throw new Error(`${source}${where}: error[E_WORLD]: ${e.reason}`);
    }
    throw e;
  }
  const problems = worldProblems(data);
  if (problems.length > 0) throw new Error(problems.map((p) => `${source}: error[E_WORLD]: ${p}`).join("\n"));
  return data as World;
}

export function loadWorldFile(path: string): World {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new Error(`${path}: error[E_WORLD]: cannot read the world file (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
  return parseWorldYaml(text, path);
}

export function defaultWorldPath(): string {
  return fileURLToPath(new URL("../../fixtures/default-world.yaml", import.meta.url));
}

export function defaultWorld(): World {
  return loadWorldFile(defaultWorldPath());
}

export function resolveWorld(world: string | World | undefined): ResolvedWorld {
  const w = typeof world === "string" ? loadWorldFile(world) : (world ?? defaultWorld());
  if (typeof world === "object") {
    const problems = worldProblems(world);
    if (problems.length > 0) throw new Error(problems.map((p) => `world: error[E_WORLD]: ${p}`).join("\n"));
  }
  return {
    ...w,
    durations: { ...DEFAULT_DURATIONS, ...w.durations },
    page_size: w.page_size ?? 50,
    tenant_id: w.tenant_id ?? "11111111-1111-1111-1111-111111111111",
    demo_secrets: { ...w.demo_secrets },
    vm_sizes: w.vm_sizes ?? [...DEFAULT_VM_SIZES],
  };
}
