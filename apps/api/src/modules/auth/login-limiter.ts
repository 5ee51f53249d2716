import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/env';
import { RedisService } from '../../common/redis/redis.module';
import { WindowCounters } from './window-counters';

/** A failure counted in advance by `take`; `release` gives it back when the attempt succeeds. */
export interface LoginSlot {
  release(): Promise<void>;
}

/**
 * Counts failed logins per account and per IP in fixed windows (docs/api.md: 10 per account or
 * 100 per IP in 15 minutes; a good login is never counted). Counters live in Redis when
 * REDIS_URL is set, so that every API instance sees the same counts; else in this process.
 *
 * Each attempt takes its slot before the password is verified, in one atomic step (check both
 * limits and count), and gives it back when the password was right: so 30 guesses sent at once
 * are not all verified against a limit that none of them has reached yet.
 */
@Injectable()
export class LoginLimiter {
  private readonly counters: WindowCounters;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    redis: RedisService,
  ) {
    this.counters = new WindowCounters(redis);
  }

  /** A slot for one attempt, or null (answer 429) when the account or the IP is at its limit. */
  async take(email: string, ip: string): Promise<LoginSlot | null> {
    const { perAccount, perIp, windowMs } = this.config.loginLimits;
    const taken = await this.counters.take(
      [
        { name: `login-fail:acct:${email}`, limit: perAccount },
        { name: `login-fail:ip:${ip}`, limit: perIp },
      ],
      windowMs,
    );
    return taken && { release: () => this.counters.release(taken) };
  }
}
