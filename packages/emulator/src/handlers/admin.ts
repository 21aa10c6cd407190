import { armError } from "../arm/arm-error.js";
import type { Runtime } from "../http/pipeline.js";
import type { Router } from "../http/router.js";

export interface AdminControls {
  runtime: Runtime;
  reset(): void;
  sshEndpoints: Record<string, string>;
}

/** /_emulator/*: request log, faults, reset, SSH endpoint map. No auth, never logged, never faulted. */
export function addAdminRoutes(router: Router, c: AdminControls): void {
  const rt = c.runtime;
  router
    .add({ method: "GET", template: "/_emulator/requests", operation: "admin.requests", kind: "admin", handler: () => ({ status: 200, body: rt.log }) })
    .add({ method: "GET", template: "/_emulator/faults", operation: "admin.faults", kind: "admin", handler: () => ({ status: 200, body: rt.faults.current() ?? null }) })
    .add({
      method: "POST", template: "/_emulator/faults", operation: "admin.setFaults", kind: "admin",
      handler: (ctx) => {
        const body = ctx.body as { spec?: unknown } | string | undefined;
        const spec = typeof body === "object" && body !== null ? body.spec : body;
        if (spec !== undefined && spec !== null && typeof spec !== "string") return armError(400, "InvalidRequestContent", "POST a JSON body {\"spec\": \"rate=0.3,seed=7\"} (or {\"spec\": null} to clear).");
        try {
          rt.faults.set(spec ?? undefined);
        } catch (e) {
          return armError(400, "InvalidFaultSpec", (e as Error).message);
        }
        return { status: 200, body: rt.faults.current() ?? null };
      },
    })
    .add({ method: "POST", template: "/_emulator/reset", operation: "admin.reset", kind: "admin", handler: () => { c.reset(); return { status: 204 }; } })
    .add({ method: "GET", template: "/_emulator/ssh-endpoints", operation: "admin.sshEndpoints", kind: "admin", handler: () => ({ status: 200, body: c.sshEndpoints }) });
}
