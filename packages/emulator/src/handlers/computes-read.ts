import type { Reply } from "../arm/arm-error.js";
import { computeAt } from "../compute/api-version-fields.js";
import type { RequestContext } from "../http/context.js";
import { requireCompute, requireWorkspace } from "./lookup.js";

export function getCompute(ctx: RequestContext): Reply {
  const [, record] = requireCompute(ctx);
  return { status: 200, body: computeAt(record.body, apiVersionOf(ctx)) };
}

/** Computes list, paged with nextLink ($skip), page size from the world. */
export function listComputes(ctx: RequestContext): Reply {
  const ws = requireWorkspace(ctx);
  const all = [...ws.computes.values()].filter((c) => !c.deleted).map((c) => computeAt(c.body, apiVersionOf(ctx)));
  const skip = Math.max(0, Number.parseInt(ctx.url.searchParams.get("$skip") ?? "0", 10) || 0);
  const size = ctx.state.world.page_size;
  const value = all.slice(skip, skip + size);
  const body: Record<string, unknown> = { value };
  if (skip + size < all.length) {
    const next = new URL(ctx.url.pathname, ctx.endpoint);
    next.searchParams.set("api-version", ctx.url.searchParams.get("api-version") ?? "2021-07-01");
    next.searchParams.set("$skip", String(skip + size));
    body.nextLink = next.href;
  }
  return { status: 200, body };
}

function apiVersionOf(ctx: RequestContext): string {
  return ctx.url.searchParams.get("api-version") ?? "2021-07-01";
}
