#!/usr/bin/env node
// The bare baseline of `npm run bench:live`: a plain Socket.IO server (websocket transport, no
// per-message deflate, like the API's) on a plain HTTP server. Clients join one room with
// `leaderboard:subscribe` (acked with `{ ok, snapshot: { version } }`); `POST /emit` with
// `{ bytes }` broadcasts one `leaderboard:update` of about that many bytes to the room, numbered like
// the API's (fromVersion = version = the previous one + 1).
import http from 'node:http';
import { Server } from 'socket.io';

let version = 0;
const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') {
    res.end('ok');
    return;
  }
  if (req.method === 'POST' && req.url === '/emit') {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const { bytes, rows } = JSON.parse(body);
      version += 1;
      const payload = { editionId: 'bare', trackId: null, fromVersion: version, version, removed: [], rows };
      const pad = Math.max(0, bytes - JSON.stringify(payload).length - 12);
      payload.pad = 'x'.repeat(pad);
      io.of('/live').to('board').emit('leaderboard:update', payload);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ version }));
    });
    return;
  }
  res.statusCode = 404;
  res.end();
});
// BENCH_BASELINE_RECOVERY=1: with the API's connection-state recovery (an experiment: what it costs).
const io = new Server(server, {
  transports: ['websocket'],
  perMessageDeflate: false,
  ...(process.env.BENCH_BASELINE_RECOVERY === '1'
    ? { connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false } }
    : {}),
});
io.of('/live').on('connection', (socket) => {
  socket.on('leaderboard:subscribe', (_body, ack) => {
    socket.join('board');
    ack({ ok: true, snapshot: { version } });
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  io.close();
  server.close(() => process.exit(0));
});
