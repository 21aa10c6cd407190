export interface ArmIdParts {
  subscription: string;
  resourceGroup: string;
  provider: string;
  /** Type segments after the provider, e.g. ["workspaces", "computes"]. */
  types: string[];
  names: string[];
}

export function resourceId(sub: string, rg: string, provider: string, ...typeNamePairs: string[]): string {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/${provider}/${typeNamePairs.join("/")}`;
}

/** ARM ids compare case-insensitively. */
export function idKey(id: string): string {
  return id.replace(/\/+$/, "").toLowerCase();
}

export function parseResourceId(id: string): ArmIdParts | undefined {
  const m = /^\/?subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/([^/]+)\/(.+)$/i.exec(id.trim());
  if (!m) return undefined;
  const rest = m[4]!.split("/").filter(Boolean);
  if (rest.length % 2 !== 0) return undefined;
  const types: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < rest.length; i += 2) {
    types.push(rest[i]!);
    names.push(rest[i + 1]!);
  }
  return { subscription: m[1]!, resourceGroup: m[2]!, provider: m[3]!, types, names };
}
