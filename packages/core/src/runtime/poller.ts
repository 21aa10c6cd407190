import { ComputeflowError, ErrorCodes, isComputeflowError } from "../errors.js";
import type { Operation, Outputs, PollReader, Progress, WorkspaceRef } from "../plugin.js";
import { classifyAzureError } from "../azure/classify-error.js";
import type { Clock } from "./clock.js";
import { workspaceKey } from "./poll-reader.js";
import { stepScope } from "./step-scope.js";

export interface PollerOptions {
  clock: Clock;
  /** A fresh reader for one workspace, used for one tick. */
  readerFor: (workspace: WorkspaceRef) => PollReader;
  initialIntervalMs?: number;
  maxIntervalMs?: number;
  backoff?: number;
  /**
   * Upper bound on the interval as a share of the operation's age (0.015: a create that has
   * run 10 minutes is looked at every 9 s at most), so completion is seen at most that late.
   */
  maxLateness?: number;
  /** Consecutive non-transient status-read failures after which the operation fails. */
  maxReadFailures?: number;
}

export interface TrackOptions {
  step: string;
  workspace: WorkspaceRef;
  /** Clock time at which the step times out (E_TIMEOUT). */
  deadline?: number;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

interface Entry extends TrackOptions {
  operation: Operation;
  nextAt: number;
  intervalMs: number;
  startedAt: number;
  readFailures: number;
  checking: boolean;
  lastProgress?: string;
  resolve(outputs: Outputs): void;
  reject(error: unknown): void;
}

/** The run's one poller: one timer, status reads batched per workspace, adaptive intervals. */
export class SharedPoller {
  private readonly entries = new Set<Entry>();
  private timer: { handle: unknown; at: number } | undefined;
  private readonly initial: number;
  private readonly max: number;
  private readonly backoff: number;
  private readonly maxLateness: number;
  private readonly maxReadFailures: number;
  /** Number of ticks so far (observability for tests and benchmarks). */
  ticks = 0;

  constructor(private readonly options: PollerOptions) {
    // The first look after 2 s (the Azure SDKs' default poll interval), then at most 1.5% of
    // the operation's age late (bench/README.md). Against 1 s and 5%, a 60-step DAG made a
    // quarter more status reads (146 -> 185, a sixth of baseline B's), and its makespan /
    // critical path went 1.060 -> 1.044 on average.
    this.initial = options.initialIntervalMs ?? 2000;
    this.max = options.maxIntervalMs ?? 20_000;
    this.backoff = options.backoff ?? 1.5;
    this.maxLateness = options.maxLateness ?? 0.015;
    this.maxReadFailures = options.maxReadFailures ?? 5;
  }

  track(operation: Operation, options: TrackOptions): Promise<Outputs> {
    return new Promise<Outputs>((resolve, reject) => {
      const entry: Entry = {
        ...options,
        operation,
        nextAt: this.options.clock.now() + this.initial,
        intervalMs: this.initial,
        startedAt: this.options.clock.now(),
        readFailures: 0,
        checking: false,
        resolve,
        reject,
      };
      if (options.signal?.aborted) return reject(options.signal.reason);
      options.signal?.addEventListener("abort", () => this.finish(entry, options.signal?.reason, true), { once: true });
      this.entries.add(entry);
      this.schedule();
    });
  }

  inFlight(): { step: string; operation: string }[] {
    return [...this.entries].map((e) => ({ step: e.step, operation: e.operation.description }));
  }

  private finish(entry: Entry, result: Outputs | unknown, failed: boolean): void {
    if (!this.entries.delete(entry)) return;
    if (failed) entry.reject(result);
    else entry.resolve(result as Outputs);
    this.schedule();
  }

  private schedule(): void {
    // Called after every check and every finished operation: one pass, nothing allocated
    // (with a thousand operations in flight this ran a million times per run).
    let at = Infinity;
    for (const e of this.entries) if (!e.checking) at = Math.min(at, e.nextAt, e.deadline ?? Infinity);
    if (at === Infinity) {
      if (this.timer && this.entries.size === 0) {
        this.options.clock.clearTimeout(this.timer.handle);
        this.timer = undefined;
      }
      return;
    }
    if (this.timer && this.timer.at <= at) return;
    if (this.timer) this.options.clock.clearTimeout(this.timer.handle);
    const delay = Math.max(0, at - this.options.clock.now());
    this.timer = { at, handle: this.options.clock.setTimeout(() => void this.tick(), delay) };
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    this.ticks++;
    const now = this.options.clock.now();
    const readers = new Map<string, PollReader>();
    const idle = [...this.entries].filter((e) => !e.checking);
    const dueWorkspaces = new Set(
      idle.filter((e) => e.nextAt <= now || (e.deadline ?? Infinity) <= now).map((e) => workspaceKey(e.workspace)),
    );
    // Every operation of a workspace that is read anyway rides along: the list is already paid
    // for, the operations stay in phase, and older operations are seen done sooner.
    const batch = idle.filter((e) => dueWorkspaces.has(workspaceKey(e.workspace)));
    await Promise.all(
      batch.map((entry) => {
        const key = workspaceKey(entry.workspace);
        if (!readers.has(key)) readers.set(key, this.options.readerFor(entry.workspace));
        return this.check(entry, readers.get(key)!);
      }),
    );
    this.schedule();
  }

  private async check(entry: Entry, reader: PollReader): Promise<void> {
    const clock = this.options.clock;
    if (entry.deadline !== undefined && clock.now() >= entry.deadline) {
      return this.finish(entry, timeoutError(entry), true);
    }
    entry.checking = true;
    try {
      const status = await stepScope.run({ stepId: entry.step }, () => entry.operation.check(reader));
      entry.readFailures = 0;
      if ("progress" in status && status.progress) this.report(entry, status.progress);
      if (status.done) {
        if ("error" in status) this.finish(entry, status.error, true);
        else this.finish(entry, status.outputs, false);
        return;
      }
      entry.intervalMs = this.nextInterval(entry, clock.now());
      entry.nextAt = clock.now() + entry.intervalMs;
    } catch (thrown) {
      const error = isComputeflowError(thrown) ? thrown : classifyAzureError(thrown);
      // The plugin's own bug (E_PLUGIN from its Operation.check): retrying cannot fix it.
      if (error.errorClass === "plugin") return this.finish(entry, error, true);
      entry.readFailures++;
      const transient = error.errorClass === "throttled" || error.errorClass === "transient";
      if (!transient && entry.readFailures >= this.maxReadFailures) return this.finish(entry, error, true);
      entry.nextAt = clock.now() + Math.max(entry.intervalMs, error.retryAfterMs ?? 0);
    } finally {
      entry.checking = false;
    }
  }

  private nextInterval(entry: Entry, now: number): number {
    const grown = Math.min(entry.intervalMs * this.backoff, this.maxLateness * (now - entry.startedAt));
    return Math.round(Math.min(this.max, Math.max(this.initial, grown)));
  }

  private report(entry: Entry, progress: Progress): void {
    const key = JSON.stringify(progress);
    if (key === entry.lastProgress) return;
    entry.lastProgress = key;
    entry.onProgress?.(progress);
  }
}

function timeoutError(entry: Entry): ComputeflowError {
  return new ComputeflowError({
    code: ErrorCodes.TIMEOUT,
    errorClass: "timeout",
    message: `step "${entry.step}" timed out while ${entry.operation.description}`,
    hint: "raise timeout_minutes, or check the compute's state in the Azure portal; the operation may still be running there",
  });
}
