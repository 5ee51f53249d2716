import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { defaultDataDir } from '../database/embedded';
import { TrustProxySchema } from './trust-proxy';

/** apps/api, whether running from src (tests) or dist. */
export const API_ROOT = path.resolve(__dirname, '..', '..');
export const REPO_ROOT = path.resolve(API_ROOT, '..', '..');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  DATA_DIR: z.string().optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  REDIS_KEY_PREFIX: z.string().default('ca:'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO: bool.optional(),
  WEB_DIST: z.string().default(path.join(REPO_ROOT, 'apps', 'web', 'dist')),
  CORS_ORIGINS: z.string().default(''),
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 14),
  COOKIE_SECURE: bool.optional(),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(100),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
  TRUST_PROXY: TrustProxySchema.optional(),
  REGISTER_RESET_MAX_PER_IP: z.coerce.number().int().positive().default(300),
  REGISTER_RESET_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().positive().optional(),
  ORGANIZER_EMAIL: z.email().optional(),
  ORGANIZER_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  SMTP_URL: z.string().optional(),
  NOTIFICATION_SCAN_SECONDS: z.coerce.number().int().min(0).default(60),
  MAIL_FROM: z.string().default('Challenge Accepted <no-reply@challenge-accepted.local>'),
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  DB_QUERY_TIMEOUT_MS: z.coerce.number().int().positive().default(15000),
});

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Unset: an embedded PostgreSQL is started under `dataDir`. */
  databaseUrl?: string;
  embeddedPgPort: number;
  /** DATA_DIR, else `<repo>/.data`, or as root `/var/lib/challenge-accepted/<checkout>` (database/embedded.ts). */
  dataDir: string;
  redisUrl?: string;
  /** Prefix of the app's own Redis keys (several deployments, or test runs, may share a server). */
  redisKeyPrefix: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /**
   * Seeds the demo edition and prints demo accounts. Defaults to on with the embedded database;
   * in production without DATABASE_URL only when asked for (DEMO=true), else the start stops.
   */
  demo: boolean;
  webDist: string;
  corsOrigins: string[];
  publicUrl: string;
  sessionTtlMs: number;
  /** `Secure` session cookies: on when PUBLIC_URL is https (production behind TLS). */
  cookieSecure: boolean;
  loginLimits: { perAccount: number; perIp: number; windowMs: number };
  /** Fastify's `trustProxy`: false (the default: no proxy), or the proxies' addresses and ranges. */
  trustProxy: false | string[];
  /** Registrations, and reset requests, per IP address and window (each counted on its own). */
  registerResetLimit: { perIp: number; windowMs: number };
  /** Argon2 hashes and verifications running at once (default: one per core). */
  passwordHashConcurrency: number;
  organizer?: { email: string; password: string };
  smtpUrl?: string;
  mailFrom: string;
  /** How often each instance looks for deadline reminders and published results to mail (0: never). */
  notificationScanMs: number;
  dbConnectTimeoutMs: number;
  /**
   * How long a query may go unanswered before the API gives up on it (pg's `query_timeout`):
   * a database that hangs (frozen, or the network to it gone) then costs a 503 after this long,
   * not a request that never ends. Migrations at start-up are not bounded by it.
   */
  dbQueryTimeoutMs: number;
}

export class ConfigError extends Error {}

/** Parses the environment once at boot; a bad value stops the start with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && e.DATABASE_URL === undefined && e.DEMO !== true) {
    throw new ConfigError(
      'NODE_ENV=production without DATABASE_URL: set DATABASE_URL, or DEMO=true to run the demo on the embedded database on purpose',
    );
  }
  if ((e.ORGANIZER_EMAIL === undefined) !== (e.ORGANIZER_PASSWORD === undefined)) {
    throw new ConfigError(
      'Invalid configuration:\n  ORGANIZER_EMAIL and ORGANIZER_PASSWORD must be set together',
    );
  }
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    dataDir: path.resolve(e.DATA_DIR ?? defaultDataDir(REPO_ROOT)),
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    logLevel: e.LOG_LEVEL,
    demo: e.DEMO ?? e.DATABASE_URL === undefined,
    webDist: path.resolve(e.WEB_DIST),
    corsOrigins: e.CORS_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    publicUrl: e.PUBLIC_URL,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    cookieSecure: e.COOKIE_SECURE ?? e.PUBLIC_URL.startsWith('https:'),
    loginLimits: {
      perAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      perIp: e.LOGIN_MAX_FAILURES_PER_IP,
      windowMs: e.LOGIN_WINDOW_SECONDS * 1000,
    },
    trustProxy: e.TRUST_PROXY ?? false,
    registerResetLimit: {
      perIp: e.REGISTER_RESET_MAX_PER_IP,
      windowMs: e.REGISTER_RESET_WINDOW_SECONDS * 1000,
    },
    passwordHashConcurrency: e.PASSWORD_HASH_CONCURRENCY ?? Math.max(1, availableParallelism()),
    organizer:
      e.ORGANIZER_EMAIL && e.ORGANIZER_PASSWORD
        ? { email: e.ORGANIZER_EMAIL, password: e.ORGANIZER_PASSWORD }
        : undefined,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    notificationScanMs: e.NOTIFICATION_SCAN_SECONDS * 1000,
    dbConnectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS,
    dbQueryTimeoutMs: e.DB_QUERY_TIMEOUT_MS,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
