interface Scheduled {
  at: number;
  run: () => void;
}

/**
 * State moves lazily: changes are scheduled for a time and applied, in order, when a
 * request arrives after that time. No timers, so runs are deterministic for a given
 * sequence of requests and a stopped emulator leaves nothing pending.
 */
export class Timeline {
  private queue: Scheduled[] = [];

  at(time: number, run: () => void): void {
    let lo = 0;
    let hi = this.queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.queue[mid]!.at <= time) lo = mid + 1;
      else hi = mid;
    }
    this.queue.splice(lo, 0, { at: time, run });
  }

  /** The due time of the change being applied, so a change it schedules counts from then. */
  current: number | undefined;

  advance(now: number): void {
    try {
      while (this.queue.length > 0 && this.queue[0]!.at <= now) {
        const next = this.queue.shift()!;
        this.current = next.at;
        next.run();
      }
    } finally {
      this.current = undefined;
    }
  }
}
