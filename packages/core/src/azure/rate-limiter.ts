import { sleep, type Clock } from "../runtime/clock.js";
import { TokenBucket } from "./token-bucket.js";

export type RequestKind = "read" | "write";

export interface BucketLimits {
  capacity: number;
  refillPerSecond: number;
}

/** ARM's per-subscription limits (reads 250 / 25 s⁻¹, writes 200 / 10 s⁻¹) at 80%, so the run never causes its own 429s. */
export const ARM_LIMITS: Record<RequestKind, BucketLimits> = {
  read: { capacity: 200, refillPerSecond: 20 },
  write: { capacity: 160, refillPerSecond: 8 },
};

/** One per run: a read and a write bucket per subscription, and the Retry-After gate ARM set for it. */
export class ArmRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: Record<RequestKind, BucketLimits> = ARM_LIMITS,
  ) {}

  async acquire(subscription: string, kind: RequestKind, signal?: AbortSignal): Promise<void> {
    for (;;) {
      const gate = (this.blockedUntil.get(subscription) ?? 0) - this.clock.now();
      if (gate > 0) {
        await sleep(this.clock, gate, signal);
        continue;
      }
      const wait = this.bucket(subscription, kind).tryTake();
      if (wait === 0) return;
      await sleep(this.clock, wait, signal);
    }
  }

  /** ARM said Retry-After: nothing goes to this subscription before `until`. */
  blockUntil(subscription: string, until: number): void {
    this.blockedUntil.set(subscription, Math.max(until, this.blockedUntil.get(subscription) ?? 0));
  }

  gateFor(subscription: string): number {
    return this.blockedUntil.get(subscription) ?? 0;
  }

  private bucket(subscription: string, kind: RequestKind): TokenBucket {
    const key = `${subscription}/${kind}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.limits[kind].capacity, this.limits[kind].refillPerSecond, this.clock);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}

/** The subscription a request URL addresses ("" for tenant-level calls). */
export function subscriptionOf(url: string): string {
  return /\/subscriptions\/([^/?]+)/i.exec(url)?.[1]?.toLowerCase() ?? "";
}
