import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { createClient } from 'redis';
import { APP_CONFIG, type AppConfig } from '../../config/env';

export type RedisClient = ReturnType<typeof createClient>;

/** One Redis connection for the app's own use (rate limits, timers), when REDIS_URL is set. */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  private client?: RedisClient;
  private connecting?: Promise<RedisClient>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return !!this.config.redisUrl;
  }

  /** A key of this deployment's own (prefixed with REDIS_KEY_PREFIX). */
  key(name: string): string {
    return `${this.config.redisKeyPrefix}${name}`;
  }

  /** The connected client; only call when `enabled`. */
  async get(): Promise<RedisClient> {
    if (this.client) return this.client;
    this.connecting ??= (async () => {
      const c = createClient({ url: this.config.redisUrl });
      c.on('error', () => undefined); // reconnects by itself; commands fail meanwhile
      await c.connect();
      this.client = c;
      return c;
    })();
    return this.connecting;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client?.quit().catch(() => undefined);
  }
}

@Global()
@Module({ providers: [RedisService], exports: [RedisService] })
export class RedisModule {}
