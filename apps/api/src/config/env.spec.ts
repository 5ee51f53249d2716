import { defaultDataDir } from '../database/embedded';
import { ConfigError, loadConfig, REPO_ROOT } from './env';

describe('loadConfig', () => {
  it('applies the defaults of the README with an empty environment', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.demo).toBe(true);
    expect(c.organizer).toBeUndefined();
    expect(c.trustProxy).toBe(false);
    expect(c.registerResetLimit).toEqual({ perIp: 300, windowMs: 15 * 60_000 });
    expect(c.passwordHashConcurrency).toBeGreaterThanOrEqual(1);
  });

  it('reads TRUST_PROXY as a list of addresses and CIDR ranges', () => {
    expect(loadConfig({ TRUST_PROXY: ' 10.0.0.1, 172.16.0.0/12 ,::1' }).trustProxy).toEqual([
      '10.0.0.1',
      '172.16.0.0/12',
      '::1',
    ]);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
  });

  it('turns demo mode off by default when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', DEMO: 'true' }).demo).toBe(true);
  });

  it('refuses production without DATABASE_URL unless the demo is asked for, in one line naming both', () => {
    for (const env of [{ NODE_ENV: 'production' }, { NODE_ENV: 'production', DEMO: 'false' }]) {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(/^[^\n]*DATABASE_URL[^\n]*DEMO=true[^\n]*$/);
    }
    expect(loadConfig({ NODE_ENV: 'production', DEMO: 'true' }).demo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u@h/db' }).demo).toBe(false);
  });

  it('keeps the data in DATA_DIR when set, else in the default folder of the embedded database', () => {
    expect(loadConfig({ DATA_DIR: '/srv/ca' }).dataDir).toBe('/srv/ca');
    expect(loadConfig({}).dataDir).toBe(defaultDataDir(REPO_ROOT));
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://x' }, 'REDIS_URL'],
    [{ ORGANIZER_EMAIL: 'a@b.co', ORGANIZER_PASSWORD: 'short' }, 'ORGANIZER_PASSWORD'],
    [{ ORGANIZER_EMAIL: 'a@b.co' }, 'ORGANIZER_PASSWORD'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ REGISTER_RESET_MAX_PER_IP: '0' }, 'REGISTER_RESET_MAX_PER_IP'],
    [{ PASSWORD_HASH_CONCURRENCY: 'many' }, 'PASSWORD_HASH_CONCURRENCY'],
    [{ TRUST_PROXY: '1' }, 'hop count'],
    [{ TRUST_PROXY: '10.0.0.0/99' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'nginx' }, 'TRUST_PROXY'],
  ])('refuses %o with a message naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
