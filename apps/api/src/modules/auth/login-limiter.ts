import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/env';
import { RedisService } from '../../common/redis/redis.module';

/**
 * Counts failed logins per account and per IP in fixed windows (CONTRACT.md: 10 per account or
 * 100 per IP in 15 minutes; a good login is never counted). Counters live in Redis when
 * REDIS_URL is set, so that every API instance sees the same counts; else in this process.
 */
@Injectable()
export class LoginLimiter {
  private readonly memory = new Map<string, { count: number; resetAt: number }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisService,
  ) {}

  private keys(email: string, ip: string): [string, number][] {
    const { perAccount, perIp } = this.config.loginLimits;
    return [
      [this.redis.key(`login-fail:acct:${email}`), perAccount],
      [this.redis.key(`login-fail:ip:${ip}`), perIp],
    ];
  }

  async isBlocked(email: string, ip: string): Promise<boolean> {
    const keys = this.keys(email, ip);
    if (this.redis.enabled) {
      const redis = await this.redis.get();
      const counts = await redis.mGet(keys.map(([k]) => k));
      return counts.some((c, i) => Number(c ?? 0) >= keys[i]![1]);
    }
    const now = Date.now();
    return keys.some(([k, limit]) => {
      const e = this.memory.get(k);
      return !!e && e.resetAt > now && e.count >= limit;
    });
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const windowMs = this.config.loginLimits.windowMs;
    const keys = this.keys(email, ip);
    if (this.redis.enabled) {
      const redis = await this.redis.get();
      const multi = redis.multi();
      for (const [k] of keys) multi.incr(k).pExpire(k, windowMs, 'NX');
      await multi.exec();
      return;
    }
    const now = Date.now();
    for (const [k] of keys) {
      const e = this.memory.get(k);
      if (!e || e.resetAt <= now) this.memory.set(k, { count: 1, resetAt: now + windowMs });
      else e.count += 1;
    }
    if (this.memory.size > 100_000) {
      for (const [k, e] of this.memory) if (e.resetAt <= now) this.memory.delete(k);
    }
  }
}
