/**
 * Shares one read among the concurrent callers of the same key without ever answering a caller
 * with a read that began before it arrived (which may predate the caller's own committed write):
 * a caller starts the read when none runs for its key, else joins the one queued to start when
 * the running one ends (queuing it if there is none yet). So at most one read per key runs at a
 * time, and a burst of N identical requests costs about two reads, not N.
 *
 * The value is shared by every caller of a read: treat it as read-only.
 */
export class Coalescer<K, V> {
  private readonly entries = new Map<K, { running: Promise<V> | null; queued: Promise<V> | null }>();

  constructor(private readonly load: (key: K) => Promise<V>) {}

  get(key: K): Promise<V> {
    let entry = this.entries.get(key);
    if (!entry) this.entries.set(key, (entry = { running: null, queued: null }));
    const running = entry.running;
    if (!running) return this.run(key, entry);
    if (entry.queued) return entry.queued;
    const e = entry;
    const after = () => {
      e.queued = null;
      return this.run(key, e);
    };
    return (e.queued = running.then(after, after));
  }

  /** Keys with a read running or queued (0 when idle: nothing is kept between bursts). */
  get size(): number {
    return this.entries.size;
  }

  private run(key: K, e: { running: Promise<V> | null; queued: Promise<V> | null }): Promise<V> {
    let p: Promise<V>;
    try {
      p = this.load(key);
    } catch (err) {
      p = Promise.reject(err);
    }
    e.running = p;
    const done = () => {
      if (e.running === p) e.running = null;
      if (!e.running && !e.queued && this.entries.get(key) === e) this.entries.delete(key);
    };
    p.then(done, done);
    return p;
  }
}
