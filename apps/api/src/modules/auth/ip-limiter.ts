import { Inject, Injectable } from '@nestjs/common';
import { RedisService } from '../../common/redis/redis.module';
import { DomainError } from '../../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/env';
import { WindowCounters } from './window-counters';

/** Public requests that cost an Argon2 hash or a mail, each limited on its own. */
export type LimitedRequest = 'register' | 'reset-request';

/**
 * Registrations and reset requests per IP address in fixed windows (REGISTER_RESET_MAX_PER_IP,
 * 300 per 15 minutes by default: generous, since a whole venue may share one address). Every
 * request counts, whatever its outcome; in Redis when REDIS_URL is set, like the login limits.
 */
@Injectable()
export class IpLimiter {
  private readonly counters: WindowCounters;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    redis: RedisService,
  ) {
    this.counters = new WindowCounters(redis);
  }

  /** Counts the request, or throws 429 RATE_LIMITED when the address is at its limit. */
  async count(kind: LimitedRequest, ip: string): Promise<void> {
    const { perIp, windowMs } = this.config.registerResetLimit;
    const taken = await this.counters.take([{ name: `${kind}:ip:${ip}`, limit: perIp }], windowMs);
    if (!taken) {
      throw new DomainError('RATE_LIMITED', 'Too many requests from this address; try again later');
    }
  }
}
