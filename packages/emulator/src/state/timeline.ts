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

  advance(now: number): void {
    while (this.queue.length > 0 && this.queue[0]!.at <= now) {
      this.queue.shift()!.run();
    }
  }
}
