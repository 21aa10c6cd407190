interface Scheduled {
  at: number;
  seq: number;
  run: () => void;
}

/**
 * State moves lazily: changes are scheduled for a time and applied, in order, when a
 * request arrives after that time. No timers, so runs are deterministic for a given
 * sequence of requests and a stopped emulator leaves nothing pending.
 */
export class Timeline {
  private queue: Scheduled[] = [];
  private seq = 0;

  at(time: number, run: () => void): void {
    this.queue.push({ at: time, seq: this.seq++, run });
    this.queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
  }

  advance(now: number): void {
    while (this.queue.length > 0 && this.queue[0]!.at <= now) {
      this.queue.shift()!.run();
    }
  }

  clear(): void {
    this.queue = [];
  }
}
