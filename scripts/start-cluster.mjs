#!/usr/bin/env node
/**
 * `npm run start:cluster`: the production layout of docker/compose.yml on this machine, without
 * Docker. Two API processes (apps/api/dist/main.js) on one PostgreSQL (DATABASE_URL, else the
 * embedded one, started once here) and one Redis (REDIS_URL, required), behind Debian's nginx
 * running docker/nginx.conf with only the machine-specific lines changed (upstream addresses,
 * listen port, log/pid/temp paths, no Docker DNS). Prints the URL; Ctrl-C stops everything.
 *
 * Variables: REDIS_URL (required), DATABASE_URL (else embedded), CLUSTER_PORT (nginx's port,
 * default 8080), CLUSTER_API_PORTS (two ports, default "3101,3102"), and the API's own (LOG_LEVEL,
 * DEMO, ORGANIZER_EMAIL/ORGANIZER_PASSWORD, ...), which are passed through.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAIN = path.join(ROOT, 'apps', 'api', 'dist', 'main.js');
const EMBEDDED = path.join(ROOT, 'apps', 'api', 'dist', 'database', 'embedded.js');
const NGINX_CONF = path.join(ROOT, 'docker', 'nginx.conf');

const fail = (msg) => {
  console.error(`start:cluster: ${msg}`);
  process.exit(1);
};

if (!process.env.REDIS_URL)
  fail(
    'REDIS_URL is not set: the two instances share Socket.IO events through Redis (e.g. REDIS_URL=redis://127.0.0.1:6379)',
  );
if (!fs.existsSync(MAIN)) fail(`${path.relative(ROOT, MAIN)} is missing: run \`npm run build\` first`);

const nginxBin =
  ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p)) ??
  (spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).stdout.trim() || undefined);
if (!nginxBin)
  fail('nginx is not installed: `sudo apt-get install nginx-light` (Debian/Ubuntu), then run this again');

const lbPort = Number(process.env.CLUSTER_PORT ?? 8080);
const apiPorts = (process.env.CLUSTER_API_PORTS ?? '3101,3102').split(',').map(Number);
if (apiPorts.length !== 2 || apiPorts.some((p) => !Number.isInteger(p) || p <= 0))
  fail('CLUSTER_API_PORTS must be two ports, e.g. 3101,3102');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-cluster-'));
const children = [];
let db;
let stopping = false;

/** docker/nginx.conf with the lines that only make sense inside compose replaced. */
function localNginxConf(source, { listen, upstreams, dir }) {
  let conf = source;
  const replace = (re, to, what) => {
    if (!re.test(conf)) throw new Error(`docker/nginx.conf changed: cannot find ${what} to adapt`);
    conf = conf.replace(re, to);
  };
  replace(/^\s*resolver .*;\n/m, '', 'the resolver line');
  replace(
    /^(\s*)server api1:3000 resolve (.*);\n\s*server api2:3000 resolve (.*);\n/m,
    (_, indent, a, b) =>
      `${indent}server 127.0.0.1:${upstreams[0]} ${a};\n${indent}server 127.0.0.1:${upstreams[1]} ${b};\n`,
    'the api1/api2 upstream servers',
  );
  replace(/listen 80 default_server;/, `listen 127.0.0.1:${listen} default_server;`, 'listen 80');
  replace(/\/var\/log\/nginx\/error\.log/, path.join(dir, 'error.log'), 'the error log');
  replace(/\/var\/log\/nginx\/access\.log/, path.join(dir, 'access.log'), 'the access log');
  // A pid file and temporary folders of its own, so that it runs beside the machine's nginx.
  replace(/^events \{/m, `pid ${path.join(dir, 'nginx.pid')};\n\nevents {`, 'the events block');
  replace(
    /^http \{\n/m,
    `http {\n${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
      .map((k) => `    ${k}_temp_path ${path.join(dir, `${k}_temp`)};`)
      .join('\n')}\n`,
    'the http block',
  );
  return conf;
}

function start(name, cmd, args, env) {
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
  child.once('exit', (code, signal) => {
    if (!stopping) {
      console.error(`start:cluster: ${name} exited (${code ?? signal}); stopping the rest`);
      void shutdown(1);
    }
  });
  children.push({ name, child });
  return child;
}

async function healthy(url, child, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url} exited`);
    try {
      if ((await fetch(`${url}/api/health`)).status === 200) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not healthy within ${timeoutMs / 1000} s`);
}

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  // nginx first (no new requests), then the APIs, then the database they use.
  for (const { name, child } of [...children].reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(name === 'nginx' ? 'SIGQUIT' : 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  if (db) await db.stop().catch(() => undefined);
  fs.rmSync(work, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const require = createRequire(import.meta.url);
    const { startEmbeddedPostgres, defaultDataDir } = require(EMBEDDED);
    const dataDir = process.env.DATA_DIR ? path.resolve(process.env.DATA_DIR) : defaultDataDir(ROOT);
    const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
    console.log(
      `start:cluster: DATABASE_URL unset: the embedded PostgreSQL on port ${port}, data in ${dataDir}`,
    );
    db = await startEmbeddedPostgres({ dataDir, port });
    databaseUrl = db.url;
  }
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${lbPort}`,
    // nginx on the loopback is the proxy whose X-Forwarded-For the API believes.
    TRUST_PROXY: process.env.TRUST_PROXY ?? 'loopback',
    // The embedded database is for trying things: seed the demo edition there unless told otherwise.
    ...(db && process.env.DEMO === undefined ? { DEMO: 'true' } : {}),
  };
  // The first instance migrates (and seeds), then the second starts, as compose orders them.
  const urls = apiPorts.map((p) => `http://127.0.0.1:${p}`);
  const api1 = start('api1', process.execPath, [MAIN], { ...env, PORT: String(apiPorts[0]) });
  await healthy(urls[0], api1);
  const api2 = start('api2', process.execPath, [MAIN], { ...env, PORT: String(apiPorts[1]) });
  await healthy(urls[1], api2);

  const conf = localNginxConf(fs.readFileSync(NGINX_CONF, 'utf8'), {
    listen: lbPort,
    upstreams: apiPorts,
    dir: work,
  });
  const confPath = path.join(work, 'nginx.conf');
  fs.writeFileSync(confPath, conf);
  const test = spawnSync(
    nginxBin,
    ['-t', '-q', '-p', work, '-e', path.join(work, 'error.log'), '-c', confPath],
    {
      encoding: 'utf8',
    },
  );
  if (test.status !== 0) throw new Error(`nginx refused the generated ${confPath}:\n${test.stderr}`);
  start('nginx', nginxBin, [
    '-p',
    work,
    '-e',
    path.join(work, 'error.log'),
    '-c',
    confPath,
    '-g',
    'daemon off;',
  ]);
  const lb = `http://127.0.0.1:${lbPort}`;
  const until = Date.now() + 10_000;
  for (;;) {
    try {
      if ((await fetch(`${lb}/api/health`)).status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) throw new Error(`nginx does not answer on ${lb}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log(
    [
      '',
      `start:cluster: ready at ${lb}  (nginx → api1 ${urls[0]}, api2 ${urls[1]}; Redis ${process.env.REDIS_URL})`,
      `  nginx config and logs: ${work}  (access.log, error.log)`,
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
} catch (err) {
  console.error(`start:cluster: ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
}
