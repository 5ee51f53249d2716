import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { Logger } from '@nestjs/common';
import pino from 'pino';
import { createRequestLogger, PinoNestLogger } from './pino-logger';

function capture(): { logger: pino.Logger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  });
  const logger = pino({ level: 'trace' }, stream);
  return {
    logger,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('PinoNestLogger', () => {
  it("keeps Nest's context, an error's stack and the level", () => {
    const { logger, lines } = capture();
    const nest = new PinoNestLogger(logger);
    nest.log('started', 'Main');
    nest.error('it broke', 'Error: it broke\n    at x', 'Mail');
    nest.warn('careful');
    nest.error(new Error('thrown'));
    const [started, broke, careful, thrown] = lines();
    expect(started).toMatchObject({ level: 30, context: 'Main', msg: 'started' });
    expect(broke).toMatchObject({
      level: 50,
      context: 'Mail',
      msg: 'it broke',
      stack: 'Error: it broke\n    at x',
    });
    expect(careful).toMatchObject({ level: 40, msg: 'careful' });
    expect(careful).not.toHaveProperty('context');
    expect(thrown).toMatchObject({ level: 50, msg: 'thrown', err: { message: 'thrown' } });
  });

  it('receives the context of a named Nest Logger', () => {
    const { logger, lines } = capture();
    const named = new Logger('Seed');
    Logger.overrideLogger(new PinoNestLogger(logger));
    try {
      named.log('seeded');
    } finally {
      Logger.overrideLogger(false);
    }
    expect(lines()).toEqual([expect.objectContaining({ context: 'Seed', msg: 'seeded' })]);
  });
});

describe('createRequestLogger', () => {
  it('writes one line per request without headers or tokens, and none for health probes', async () => {
    const { logger, lines } = capture();
    const log = createRequestLogger(logger);
    const server = http.createServer((req, res) => {
      log(req, res);
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      await fetch(`http://127.0.0.1:${port}/api/health`);
      await fetch(`http://127.0.0.1:${port}/reset-password?token=s3cret&x=1`, {
        headers: { authorization: 'Bearer s3cret' },
      });
    } finally {
      await new Promise((r) => server.close(r));
    }
    const all = lines();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      req: { method: 'GET', url: '/reset-password?token=…&x=1' },
      res: { statusCode: 200 },
    });
    expect(JSON.stringify(all)).not.toContain('s3cret');
  });
});
