import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/**
 * The compiled server (`dist/main.js`, built by turbo before the tests) as separate processes, for
 * the fault tests: started on a given database (and Redis), killed, restarted.
 */
export const MAIN = path.resolve(__dirname, '..', '..', 'dist', 'main.js');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface Server {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  /** SIGTERM (or `signal`) and wait for the exit; nothing when it has exited already. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `dist/main.js` on `databaseUrl` (REDIS_URL only when `redis` is given) and waits for 200 on health. */
export async function startServer(opts: {
  databaseUrl: string;
  redisUrl?: string;
  port?: number;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<Server> {
  const port = opts.port ?? (await freePort());
  const clean = { ...process.env };
  for (const k of ['CA_TEST_ADMIN_URL', 'CA_TEST_TEMPLATE', 'REDIS_URL', 'DATA_DIR']) delete clean[k];
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...clean,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      WEB_DIST: '/nonexistent',
      DATABASE_URL: opts.databaseUrl,
      ...(opts.redisUrl ? { REDIS_URL: opts.redisUrl } : {}),
      PORT: String(port),
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited early:\n${out}`);
    try {
      if ((await fetch(`${url}/api/health`)).status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`server not healthy in time:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  };
  return { url, port, child, output: () => out, stop };
}

/** One HTTP call with a bearer token, answering the status and the parsed body (or `error` when no answer). */
export async function call(
  base: string,
  method: string,
  p: string,
  opts: { token?: string; body?: unknown; timeoutMs?: number } = {},
): Promise<{ status: number; body: any; ms: number }> {
  const started = Date.now();
  const res = await fetch(`${base}${p}`, {
    method,
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, ms: Date.now() - started };
}

/**
 * A TCP proxy on a free port that forwards every new connection to the first target that accepts
 * it, in order: with the first target gone, clients that reconnect land on the next one (as
 * behind a load balancer). Established connections are closed when their target closes.
 */
export async function failoverProxy(targets: number[]): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const connectTo = (i: number, client: net.Socket) => {
    if (i >= targets.length) return client.destroy();
    const upstream = net.connect(targets[i]!, '127.0.0.1');
    sockets.add(upstream);
    let connected = false;
    upstream.on('error', () => {
      sockets.delete(upstream);
      if (connected) client.destroy();
      else connectTo(i + 1, client);
    });
    upstream.once('connect', () => {
      connected = true;
      client.on('error', () => upstream.destroy());
      upstream.pipe(client);
      client.pipe(upstream);
      upstream.once('close', () => client.destroy());
      client.once('close', () => upstream.destroy());
      client.resume();
    });
  };
  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    connectTo(0, client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/**
 * A private PostgreSQL (the embedded one of `npm start`, from `dist/database/embedded.js`) in
 * `dataDir` on `port`, run by a child Node process (jest's module sandbox cannot load the ES
 * module that names the binaries). `stop()` shuts it down (fast shutdown) and waits.
 */
export async function startPrivatePostgres(opts: {
  dataDir: string;
  port: number;
  database: string;
}): Promise<{ url: string; stop(): Promise<void> }> {
  const embedded = path.resolve(__dirname, '..', '..', 'dist', 'database', 'embedded.js');
  const script = `
    const { startEmbeddedPostgres } = require(${JSON.stringify(embedded)});
    startEmbeddedPostgres(${JSON.stringify(opts)}).then((db) => {
      process.stdout.write('READY ' + db.url + '\\n');
      const stop = () => db.stop().then(() => process.exit(0));
      process.on('SIGTERM', stop);
      process.stdin.on('end', stop); // the test process went away
      process.stdin.resume();
    }, (err) => { process.stderr.write(String(err && err.message) + '\\n'); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /READY (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (d) => (out += d));
    child.once('exit', (code) =>
      reject(new Error(`private PostgreSQL did not start (exit ${code}): ${out}`)),
    );
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
