/**
 * Lets at most `limit` tasks run at once; the others wait their turn, first come first served.
 * A finished task hands its place straight to the next waiting one, so a newcomer can never
 * slip in between and exceed the limit.
 */
export class ConcurrencyGate {
  private active = 0;
  private maxSeen = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private limit: number) {}

  /** Changes the limit (start-up configuration); running tasks are not interrupted. */
  setLimit(limit: number): void {
    this.limit = Math.max(1, Math.floor(limit));
    while (this.active < this.limit && this.queue.length > 0) {
      this.active += 1;
      this.queue.shift()!();
    }
  }

  get running(): number {
    return this.active;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** The most tasks seen running at once since the last `resetPeak()`. */
  get peak(): number {
    return this.maxSeen;
  }

  resetPeak(): void {
    this.maxSeen = this.active;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.limit) this.active += 1;
    else await new Promise<void>((resolve) => this.queue.push(resolve)); // the place is handed over
    this.maxSeen = Math.max(this.maxSeen, this.active);
    try {
      return await task();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}
