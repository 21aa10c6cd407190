import { notFound, type Reply } from "../arm/arm-error.js";
import { idKey } from "../arm/arm-id.js";
import type { RequestContext } from "../http/context.js";
import { requireResourceGroup } from "./lookup.js";

/** GET of any attachable resource of the world (VMs, HDInsight, Batch, Databricks, ADLA, AKS ...). */
export function getResource(ctx: RequestContext): Reply {
  requireResourceGroup(ctx);
  const resource = ctx.state.resources.get(idKey(ctx.url.pathname));
  if (!resource) {
    const { provider, type, name, resourceGroupName } = ctx.params as Record<string, string>;
    notFound(`${provider}/${type}`, name!, resourceGroupName!);
  }
  return { status: 200, body: resource };
}
