import type { RedisService } from '../../common/redis/redis.module';

export interface CounterSpec {
  /** Without the deployment's Redis prefix. */
  name: string;
  limit: number;
}

/** What `take` counted, to give back with `release`. */
export interface Taken {
  keys: string[];
  /** The in-memory windows that were counted (not used with Redis). */
  windows: MemoryWindow[];
}

interface MemoryWindow {
  count: number;
  resetAt: number;
}

// One round trip, run atomically by Redis: either every counter is below its limit and all are
// counted, or none is. A counter's window starts with its first count (fixed windows).
const TAKE = `
for i, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') >= tonumber(ARGV[i + 1]) then return 0 end
end
for _, key in ipairs(KEYS) do
  if redis.call('INCR', key) == 1 or redis.call('PTTL', key) < 0 then
    redis.call('PEXPIRE', key, ARGV[1])
  end
end
return 1`;

// Gives one count back to each counter that still exists (its window may be over meanwhile).
const RELEASE = `
for _, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') > 0 then redis.call('DECR', key) end
end
return 1`;

/**
 * Fixed-window counters with limits, in Redis when REDIS_URL is set (shared by every API
 * instance), else in this process. `take` checks and counts in one atomic step, so that requests
 * running side by side cannot all pass a limit that none of them has reached yet.
 */
export class WindowCounters {
  private readonly memory = new Map<string, MemoryWindow>();

  constructor(private readonly redis: RedisService) {}

  /** Counts one on every counter, or on none and answers null when one is at its limit. */
  async take(specs: CounterSpec[], windowMs: number): Promise<Taken | null> {
    const keys = specs.map((s) => this.redis.key(s.name));
    if (this.redis.enabled) {
      const client = await this.redis.get();
      const ok = await client.eval(TAKE, {
        keys,
        arguments: [String(windowMs), ...specs.map((s) => String(s.limit))],
      });
      return Number(ok) === 1 ? { keys, windows: [] } : null;
    }
    // Synchronous from the check to the count: nothing else runs in between in this process.
    const now = Date.now();
    const current = keys.map((k) => {
      const w = this.memory.get(k);
      return w && w.resetAt > now ? w : undefined;
    });
    if (current.some((w, i) => w !== undefined && w.count >= specs[i]!.limit)) return null;
    const windows = keys.map((k, i) => {
      const w = current[i] ?? { count: 0, resetAt: now + windowMs };
      w.count += 1;
      this.memory.set(k, w);
      return w;
    });
    if (this.memory.size > 100_000) {
      for (const [k, w] of this.memory) if (w.resetAt <= now) this.memory.delete(k);
    }
    return { keys, windows };
  }

  async release(taken: Taken): Promise<void> {
    if (this.redis.enabled) {
      const client = await this.redis.get();
      await client.eval(RELEASE, { keys: taken.keys });
      return;
    }
    // Only the window that was counted: a new window since then owes nothing.
    taken.keys.forEach((k, i) => {
      const w = taken.windows[i]!;
      if (this.memory.get(k) === w && w.count > 0) w.count -= 1;
    });
  }
}
