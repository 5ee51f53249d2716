#!/usr/bin/env node
// The bare baseline of `npm run bench:api`: Fastify + pg, nothing else (no framework, no session,
// no validation library, no logging), started as its own process like the API. It does the same
// database work as the routes it stands beside:
//   PUT /sheets/:submissionId       the sheet upsert (INSERT … ON CONFLICT … RETURNING) into its own
//                                   table shaped like score_sheets, juror from `x-juror`
//   GET /leaderboard                the JSON the API's leaderboard answered (set by POST /_leaderboard)
//   GET /editions/:slug             one query per relation (edition, tracks, challenges, criteria),
//                                   assembled into one JSON object
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query(`CREATE TABLE IF NOT EXISTS bench_sheets (
  juror_id text NOT NULL, submission_id text NOT NULL, values jsonb NOT NULL, comment text NOT NULL,
  score double precision NOT NULL, updated_at timestamptz NOT NULL, PRIMARY KEY (juror_id, submission_id))`);
/** Set once by the bench (POST /_leaderboard) with the JSON the API answered. */
let leaderboard = null;

const camel = (row) =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c) => c.toUpperCase()), v]),
  );

const app = Fastify({ logger: false });
app.put('/sheets/:submissionId', async (req) => {
  const { values, comment = '' } = req.body;
  const nums = Object.values(values);
  const score = nums.reduce((a, b) => a + b, 0) / nums.length;
  const { rows } = await pool.query(
    `INSERT INTO bench_sheets (juror_id, submission_id, values, comment, score, updated_at)
     VALUES ($1, $2, $3::jsonb, $4, $5, now())
     ON CONFLICT (juror_id, submission_id) DO UPDATE SET values = EXCLUDED.values,
       comment = EXCLUDED.comment, score = EXCLUDED.score, updated_at = now()
     RETURNING juror_id, submission_id, values, comment, score, updated_at`,
    [req.headers['x-juror'], req.params.submissionId, JSON.stringify(values), comment, score],
  );
  return camel(rows[0]);
});
app.post('/_leaderboard', async (req) => {
  leaderboard = req.body;
  return { ok: true };
});
app.get('/leaderboard', async () => leaderboard);
app.get('/health', async () => ({ ok: true }));
app.get('/editions/:slug', async (req, reply) => {
  const {
    rows: [edition],
  } = await pool.query('SELECT * FROM editions WHERE slug = $1', [req.params.slug]);
  if (!edition) return reply.code(404).send({ error: 'not found' });
  const { rows: tracks } = await pool.query('SELECT * FROM tracks WHERE edition_id = $1 ORDER BY 1', [
    edition.id,
  ]);
  const { rows: challenges } = await pool.query(
    'SELECT * FROM challenges WHERE track_id = ANY($1) ORDER BY 1',
    [tracks.map((t) => t.id)],
  );
  const { rows: criteria } = await pool.query('SELECT * FROM criteria WHERE edition_id = $1 ORDER BY 1', [
    edition.id,
  ]);
  return {
    ...camel(edition),
    phase: 'judging',
    serverTime: new Date().toISOString(),
    tracks: tracks.map((t) => ({
      ...camel(t),
      challenges: challenges.filter((c) => c.track_id === t.id).map(camel),
    })),
    criteria: criteria.map(camel),
  };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
app.log.info('ready');
process.on('SIGTERM', async () => {
  await app.close();
  await pool.end();
  process.exit(0);
});
