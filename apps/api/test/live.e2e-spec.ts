import { LIVE_NAMESPACE, rooms, type ClientToServerEvents, type ServerToClientEvents } from '@ca/shared';
import { io, type Socket } from 'socket.io-client';
import { LiveGateway } from '../src/modules/live/live.gateway';
import { SeedService } from '../src/modules/seed/seed.service';
import { EditionsService } from '../src/modules/editions/editions.service';
import { createTestApp, type TestApp } from './helpers/app';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

function connect(base: string): Promise<Client> {
  const socket: Client = io(`${base}${LIVE_NAMESPACE}`, { transports: ['websocket'], forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

describe('Socket.IO /live', () => {
  let t: TestApp;
  let editionId: string;
  const sockets: Client[] = [];
  beforeAll(async () => {
    t = await createTestApp({ listen: true });
    await t.app.get(SeedService).seedDemo();
    editionId = (await t.app.get(EditionsService).get('challenge-accepted-vi', { includeDrafts: false })).id;
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t.close();
  });

  it('answers screen:subscribe with the phase and server time, and joins the edition room', async () => {
    const s = await connect(t.url);
    sockets.push(s);
    const ack = await s.emitWithAck('screen:subscribe', { editionId });
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    // The demo edition is in judging (the seed moves it there).
    expect(ack.state.phase).toBe('judging');
    expect(Math.abs(Date.parse(ack.state.serverTime) - Date.now())).toBeLessThan(5000);

    const received = new Promise((resolve) => s.once('edition:phase', resolve));
    t.app.get(LiveGateway).server.to(rooms.edition(editionId)).emit('edition:phase', {
      editionId,
      phase: 'judging',
      serverTime: new Date().toISOString(),
    });
    await expect(received).resolves.toMatchObject({ editionId, phase: 'judging' });
  });

  it('refuses a malformed payload with a negative acknowledgement', async () => {
    const s = await connect(t.url);
    sockets.push(s);
    const ack = await s.emitWithAck('screen:subscribe', { editionId: 'nope' } as never);
    expect(ack).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });

  it('answers NOT_FOUND for an edition that does not exist', async () => {
    const s = await connect(t.url);
    sockets.push(s);
    const ack = await s.emitWithAck('screen:subscribe', {
      editionId: '00000000-0000-4000-8000-000000000000',
    });
    expect(ack).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

// Several API instances share rooms through Redis; this needs a Redis server (CI sets REDIS_URL).
const withRedis = process.env.REDIS_URL ? describe : describe.skip;
if (!process.env.REDIS_URL)
  console.log('[live] REDIS_URL unset: the multi-instance Socket.IO test is skipped');

withRedis('Socket.IO across two API instances (Redis adapter)', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp({ listen: true, env: { REDIS_URL: process.env.REDIS_URL! } });
    b = await createTestApp({ listen: true, env: { REDIS_URL: process.env.REDIS_URL! } });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('delivers an event emitted on one instance to a client connected to the other', async () => {
    const client = await connect(b.url);
    try {
      const editionId = '11111111-1111-4111-8111-111111111111';
      // Join the room on instance b through the adapter, as a subscription would.
      b.app.get(LiveGateway).server.in(client.id!).socketsJoin(rooms.edition(editionId));
      await new Promise((r) => setTimeout(r, 100));
      const received = new Promise((resolve) => client.once('announcement', resolve));
      a.app.get(LiveGateway).server.to(rooms.edition(editionId)).emit('announcement', {
        id: '22222222-2222-4222-8222-222222222222',
        editionId,
        message: 'Pizza is here',
        createdAt: new Date().toISOString(),
      });
      await expect(received).resolves.toMatchObject({ message: 'Pizza is here' });
    } finally {
      client.disconnect();
    }
  });
});
