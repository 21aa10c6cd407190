import type { Handler } from "./context.js";

export type RouteKind = "arm" | "token" | "admin";

export interface Route {
  method: string;
  template: string;
  /** Name recorded in the request log, e.g. "computes.createOrUpdate". */
  operation: string;
  kind: RouteKind;
  handler: Handler;
  /** api-versions this route serves; others get ARM's NoRegisteredProviderFound. Any when absent. */
  apiVersions?: readonly string[];
}

interface Compiled extends Route {
  regex: RegExp;
  names: string[];
}

export interface Match {
  route: Route;
  params: Record<string, string>;
}

/** Path templates with {param} segments; literal segments match case-insensitively, as ARM does. */
export class Router {
  private readonly routes: Compiled[] = [];

  add(route: Route): this {
    const names: string[] = [];
    const source = route.template
      .split("/")
      .map((seg) => {
        const m = /^\{(\w+)\}$/.exec(seg);
        if (!m) return seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        names.push(m[1]!);
        return "([^/]+)";
      })
      .join("/");
    this.routes.push({ ...route, regex: new RegExp(`^${source}/?$`, "i"), names });
    return this;
  }

  match(method: string, pathname: string): Match | "method-not-allowed" | undefined {
    let pathMatched = false;
    for (const r of this.routes) {
      const m = r.regex.exec(pathname);
      if (!m) continue;
      pathMatched = true;
      if (r.method !== method) continue;
      const params: Record<string, string> = {};
      r.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1]!)));
      return { route: r, params };
    }
    return pathMatched ? "method-not-allowed" : undefined;
  }
}
