import { resourceId } from "../../arm/arm-id.js";
import type { ResourceGroupSpec } from "../world-types.js";

export type ArmResource = Record<string, unknown> & { id: string; name: string; type: string };

export interface Scope {
  /** subscription id */
  s: string;
  rg: ResourceGroupSpec;
}

export function base(sub: string, rg: ResourceGroupSpec, provider: string, type: string, name: string, location?: string) {
  return {
    id: resourceId(sub, rg.name, provider, type, name),
    name,
    type: `${provider}/${type}`,
    location: location ?? rg.location,
    tags: {},
  };
}
