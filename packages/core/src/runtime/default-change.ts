import type { ChangeKind } from "../plugin.js";

const BY_ACTION: Record<string, ChangeKind> = {
  provision: "create",
  attach: "attach",
  "configure-run": "write",
  detach: "detach",
  delete: "delete",
  start: "start",
  stop: "stop",
  restart: "restart",
};

/** What a step does when its plugin has no plan hook (or its inputs are known only after apply). */
export function defaultChange(action: string): ChangeKind {
  return BY_ACTION[action] ?? "write";
}
