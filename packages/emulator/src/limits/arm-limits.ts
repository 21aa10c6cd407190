import { TokenBucket } from "./token-bucket.js";

export interface ArmLimitOptions {
  readBucket?: number;
  readsPerSecond?: number;
  writeBucket?: number;
  writesPerSecond?: number;
}

export interface LimitVerdict {
  allowed: boolean;
  kind: "read" | "write";
  remaining: number;
  waitMs: number;
}

/** Per-subscription read and write buckets (ARM: 250 reads refilling 25/s, 200 writes refilling 10/s). */
export class ArmLimits {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly o: Required<ArmLimitOptions>;

  constructor(options: ArmLimitOptions, private readonly clock: () => number) {
    this.o = { readBucket: 250, readsPerSecond: 25, writeBucket: 200, writesPerSecond: 10, ...options };
  }

  check(subscription: string, method: string): LimitVerdict {
    const kind = method === "GET" || method === "HEAD" ? "read" : "write";
    const key = `${subscription.toLowerCase()}/${kind}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = kind === "read"
        ? new TokenBucket(this.o.readBucket, this.o.readsPerSecond, this.clock)
        : new TokenBucket(this.o.writeBucket, this.o.writesPerSecond, this.clock);
      this.buckets.set(key, bucket);
    }
    const allowed = bucket.take();
    return { allowed, kind, remaining: bucket.remaining(), waitMs: allowed ? 0 : bucket.waitMs() };
  }

  clear(): void {
    this.buckets.clear();
  }
}
