import { ComputeflowError, ErrorCodes } from "../errors.js";

/** How long plugin code may run before it is given up on, in milliseconds. */
export interface PluginTimeLimits {
  /** Importing the plugin's module (top-level code, top-level `await`). */
  importMs: number;
  /** The `plan` hook (reads state). */
  planMs: number;
  /** `apply` and `destroy` (start one write and return; the wait afterwards is the poller's). */
  actionMs: number;
  /** One `Operation.check` (one look at the world). */
  pollMs: number;
  /**
   * `check`, `attachedResource` and `body`: pure and synchronous, so they cannot be stopped
   * midway; one that returns after this long is reported as E_PLUGIN all the same.
   */
  checkMs: number;
}

/** The defaults the README lists. */
export const DEFAULT_PLUGIN_TIME_LIMITS: Readonly<PluginTimeLimits> = { importMs: 30_000, planMs: 300_000, actionMs: 600_000, pollMs: 120_000, checkMs: 2_000 };

let limits: PluginTimeLimits = { ...DEFAULT_PLUGIN_TIME_LIMITS };

/** Overrides some limits for this process (the CLI's COMPUTEFLOW_PLUGIN_TIMEOUT_SECONDS); returns the limits now in force. */
export function setPluginTimeLimits(overrides: Partial<PluginTimeLimits>): Readonly<PluginTimeLimits> {
  limits = { ...limits, ...overrides };
  return limits;
}

export function pluginTimeLimits(): Readonly<PluginTimeLimits> {
  return limits;
}

/** E_PLUGIN for plugin code that ran over its limit, naming the plugin and the hook. */
export function overTimeLimit(plugin: string, hook: string, ms: number): ComputeflowError {
  return new ComputeflowError({
    code: ErrorCodes.PLUGIN,
    errorClass: "plugin",
    retryable: false,
    message: `${plugin} did not finish ${hook} within ${formatMs(ms)}`,
    hint: "the plugin hangs (a promise that never settles?); report it to its author, or raise the limit with COMPUTEFLOW_PLUGIN_TIMEOUT_SECONDS",
  });
}

/**
 * Settles with `promise`, or rejects with E_PLUGIN naming the plugin and hook once `ms` pass.
 * The pending timer also keeps Node from exiting (code 13) on a promise that never settles.
 */
export function withinTimeLimit<T>(promise: Promise<T>, ms: number, plugin: string, hook: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(overTimeLimit(plugin, hook, ms)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
