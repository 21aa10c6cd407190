/** A queue that always yields its smallest number first (file positions, here). */
export class SortedQueue {
  private readonly items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  push(value: number): void {
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.items[mid]! > value) low = mid + 1;
      else high = mid;
    }
    this.items.splice(low, 0, value);
  }

  shift(): number | undefined {
    return this.items.pop();
  }
}
