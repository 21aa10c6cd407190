import { sleep, type Clock } from "../runtime/clock.js";
import { TokenBucket } from "./token-bucket.js";

export type RequestKind = "read" | "write";

export interface BucketLimits {
  capacity: number;
  refillPerSecond: number;
}

/**
 * ARM's per-subscription token buckets (reads 250 + 25/s, writes 200 + 10/s), at 80%: the
 * pace for a subscription whose answers carry no remaining-budget header.
 */
export const ARM_LIMITS: Record<RequestKind, BucketLimits> = {
  read: { capacity: 200, refillPerSecond: 20 },
  write: { capacity: 160, refillPerSecond: 8 },
};

/** ARM's own per-subscription buckets, as documented (Azure Resource Manager throttling). */
export const ARM_BUCKETS: Record<RequestKind, BucketLimits> = {
  read: { capacity: 250, refillPerSecond: 25 },
  write: { capacity: 200, refillPerSecond: 10 },
};

/**
 * The margin kept when pacing on the budget ARM reports: 5% of each bucket stays unused
 * (other clients, requests still on the way) and the count refills at 95% of ARM's rate.
 */
export const REPORTED_MARGIN = 0.05;

interface Lane {
  /** Pace before ARM reported a budget, or when it never does. */
  fallback: TokenBucket;
  mode: "probe" | "reported" | "fallback";
  tokens: number;
  updatedAt: number;
  sent: number;
  /** Sequence numbers of requests sent and not answered yet. */
  inFlight: Set<number>;
}

/**
 * One per run: per subscription, a read and a write lane, and the Retry-After gate ARM set.
 * A lane sends one request first (the probe); ARM's answer says how much budget is left, and
 * from then on the lane counts down from it (less a 5% reserve) and refills at 95% of ARM's
 * rate, lowering its count whenever a later answer reports less (another client spending
 * the same budget). Without the header, the lane paces at 80% of ARM's buckets.
 */
export class ArmRateLimiter {
  private readonly lanes = new Map<string, Lane>();
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: Record<RequestKind, BucketLimits> = ARM_LIMITS,
    /** ARM's buckets, to pace on its reported budget; null: pace on `limits` only. */
    private readonly reported: Record<RequestKind, BucketLimits> | null = ARM_BUCKETS,
  ) {}

  /** Waits for budget; returns the request's sequence number, for {@link answered}. */
  async acquire(subscription: string, kind: RequestKind, signal?: AbortSignal): Promise<number> {
    const lane = this.lane(subscription, kind);
    for (;;) {
      const gate = (this.blockedUntil.get(subscription) ?? 0) - this.clock.now();
      if (gate > 0) {
        await sleep(this.clock, gate, signal);
        continue;
      }
      const wait = this.take(lane, kind);
      if (wait === 0) {
        const seq = ++lane.sent;
        lane.inFlight.add(seq);
        return seq;
      }
      await sleep(this.clock, wait, signal);
    }
  }

  /**
   * The answer to request `seq` came back (`remaining` from ARM's header; undefined when
   * the answer had none, or there was no answer).
   */
  answered(subscription: string, kind: RequestKind, seq: number, remaining: number | undefined, responded = true): void {
    const lane = this.lane(subscription, kind);
    lane.inFlight.delete(seq);
    if (!this.reported) return;
    if (remaining === undefined || !Number.isFinite(remaining)) {
      if (responded && lane.mode === "probe") lane.mode = "fallback";
      return;
    }
    // Requests sent after this one may not be counted in `remaining` yet.
    let later = 0;
    for (const s of lane.inFlight) if (s > seq) later++;
    const left = Math.min(remaining, this.reported[kind].capacity) - this.reserve(kind) - later;
    if (lane.mode !== "reported") {
      lane.mode = "reported";
      lane.tokens = left;
      lane.updatedAt = this.clock.now();
    } else {
      this.refill(lane, kind);
      lane.tokens = Math.min(lane.tokens, left);
    }
  }

  /** ARM said Retry-After: nothing goes to this subscription before `until`. */
  blockUntil(subscription: string, until: number): void {
    this.blockedUntil.set(subscription, Math.max(until, this.blockedUntil.get(subscription) ?? 0));
  }

  gateFor(subscription: string): number {
    return this.blockedUntil.get(subscription) ?? 0;
  }

  /** 0 when a request may go now, else how many ms to wait before asking again. */
  private take(lane: Lane, kind: RequestKind): number {
    if (lane.mode === "fallback") return lane.fallback.tryTake();
    if (lane.mode === "probe") return lane.inFlight.size === 0 ? lane.fallback.tryTake() : 5;
    this.refill(lane, kind);
    if (lane.tokens >= 1) {
      lane.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - lane.tokens) / this.rate(kind)) * 1000);
  }

  private reserve(kind: RequestKind): number {
    return Math.ceil(this.reported![kind].capacity * REPORTED_MARGIN);
  }

  private rate(kind: RequestKind): number {
    return this.reported![kind].refillPerSecond * (1 - REPORTED_MARGIN);
  }

  private refill(lane: Lane, kind: RequestKind): void {
    const now = this.clock.now();
    const cap = this.reported![kind].capacity - this.reserve(kind);
    lane.tokens = Math.min(cap, lane.tokens + ((now - lane.updatedAt) / 1000) * this.rate(kind));
    lane.updatedAt = now;
  }

  private lane(subscription: string, kind: RequestKind): Lane {
    const key = `${subscription}/${kind}`;
    let lane = this.lanes.get(key);
    if (!lane) {
      const fallback = new TokenBucket(this.limits[kind].capacity, this.limits[kind].refillPerSecond, this.clock);
      lane = { fallback, mode: this.reported ? "probe" : "fallback", tokens: 0, updatedAt: this.clock.now(), sent: 0, inFlight: new Set() };
      this.lanes.set(key, lane);
    }
    return lane;
  }
}

/** The subscription a request URL addresses ("" for tenant-level calls). */
export function subscriptionOf(url: string): string {
  return /\/subscriptions\/([^/?]+)/i.exec(url)?.[1]?.toLowerCase() ?? "";
}
