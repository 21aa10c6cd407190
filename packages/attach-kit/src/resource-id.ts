/** ARM resource ids compare case-insensitively; core and the guard compare normalised ids. */
export function normalizeResourceId(id: string): string {
  return id.trim().replace(/\/+$/, "").toLowerCase();
}

export interface ResourceIdParts {
  subscriptionId: string;
  resourceGroup: string;
  provider: string;
  type: string;
  name: string;
}

const PATTERN = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/([^/]+)\/([^/]+)\/([^/]+)$/i;

export function parseResourceId(id: string): ResourceIdParts | undefined {
  const match = PATTERN.exec(id.trim().replace(/\/+$/, ""));
  if (!match) return undefined;
  const [, subscriptionId, resourceGroup, provider, type, name] = match as unknown as [string, string, string, string, string, string];
  return { subscriptionId, resourceGroup, provider, type, name };
}

export function buildResourceId(parts: ResourceIdParts): string {
  return `/subscriptions/${parts.subscriptionId}/resourceGroups/${parts.resourceGroup}/providers/${parts.provider}/${parts.type}/${parts.name}`;
}

/** A JSON Schema pattern for an ARM id of one resource type; ARM ids ignore case, and patterns have no flags. */
export function resourceIdPattern(provider: string, type: string): string {
  const caseless = (text: string) => text.replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`).replace(/\./g, "\\.");
  return `^/${caseless("subscriptions")}/[^/]+/${caseless("resourceGroups")}/[^/]+/${caseless("providers")}/${caseless(provider)}/${caseless(type)}/[^/]+/?$`;
}
