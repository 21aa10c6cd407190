import { setPluginTimeLimits } from "@computeflow/core";
import { UsageError } from "./usage-error.js";

/** COMPUTEFLOW_PLUGIN_TIMEOUT_SECONDS=N: one limit for plugin imports and every hook, instead of the defaults. */
export function applyPluginTimeLimitEnv(env: NodeJS.ProcessEnv): void {
  const raw = env.COMPUTEFLOW_PLUGIN_TIMEOUT_SECONDS;
  if (raw === undefined || raw === "") return;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(`COMPUTEFLOW_PLUGIN_TIMEOUT_SECONDS must be a positive number of seconds (got "${raw}")`, "unset it to use the defaults (import 30 s, plan 300 s, action 600 s, one operation check 120 s, check 2 s)");
  }
  const ms = Math.round(seconds * 1000);
  setPluginTimeLimits({ importMs: ms, planMs: ms, actionMs: ms, pollMs: ms, checkMs: ms });
}
