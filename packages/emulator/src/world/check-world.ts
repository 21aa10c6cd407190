type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const named = (v: unknown): v is Obj & { name: string } => isObj(v) && typeof v.name === "string" && v.name.length > 0;

const RESOURCE_LISTS = [
  "workspaces", "virtual_machines", "hdinsight_clusters", "batch_accounts",
  "databricks_workspaces", "datalake_analytics_accounts", "aks_clusters", "other_resources",
] as const;

/** Everything wrong with a world, each as `path: what`. Empty when it is usable. */
export function worldProblems(data: unknown): string[] {
  if (!isObj(data)) return ["a world file is a mapping with a 'subscriptions' list"];
  const out: string[] = [];
  if (!Array.isArray(data.subscriptions) || data.subscriptions.length === 0) out.push("subscriptions: a non-empty list is required");
  if (data.page_size !== undefined && (!Number.isInteger(data.page_size) || (data.page_size as number) < 1)) out.push("page_size: a positive integer is required");
  if (data.durations !== undefined) {
    if (!isObj(data.durations)) out.push("durations: a mapping of seconds is required");
    else for (const [k, v] of Object.entries(data.durations)) if (typeof v !== "number" || v < 0) out.push(`durations.${k}: a non-negative number of seconds is required`);
  }
  if (data.create_durations !== undefined) {
    if (!isObj(data.create_durations)) out.push("create_durations: a mapping of compute type to seconds is required");
    else for (const [k, v] of Object.entries(data.create_durations)) if (typeof v !== "number" || v < 0) out.push(`create_durations.${k}: a non-negative number of seconds is required`);
  }
  (Array.isArray(data.subscriptions) ? data.subscriptions : []).forEach((sub: unknown, i) => {
    const at = `subscriptions[${i}]`;
    if (!isObj(sub) || typeof sub.id !== "string") return void out.push(`${at}.id: a subscription id is required`);
    if (!Array.isArray(sub.resource_groups)) return void out.push(`${at}.resource_groups: a list is required`);
    sub.resource_groups.forEach((rg: unknown, j) => {
      const rat = `${at}.resource_groups[${j}]`;
      if (!named(rg) || typeof rg.location !== "string") return void out.push(`${rat}: name and location are required`);
      for (const list of RESOURCE_LISTS) {
        const items = rg[list];
        if (items === undefined) continue;
        if (!Array.isArray(items)) {
          out.push(`${rat}.${list}: a list is required`);
          continue;
        }
        items.forEach((item: unknown, k) => {
          if (!named(item)) out.push(`${rat}.${list}[${k}].name: required`);
          else if (list === "virtual_machines" && (typeof item.public_ip !== "string" || typeof item.username !== "string")) {
            out.push(`${rat}.${list}[${k}]: public_ip and username are required`);
          } else if (list === "hdinsight_clusters" && typeof item.username !== "string") out.push(`${rat}.${list}[${k}].username: required`);
          else if (list === "other_resources" && typeof item.type !== "string") out.push(`${rat}.${list}[${k}].type: required (e.g. Microsoft.Synapse/workspaces/bigDataPools)`);
        });
      }
    });
  });
  return out;
}
