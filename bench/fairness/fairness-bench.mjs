#!/usr/bin/env node
// The fairness lab: does the ranking find the best projects? A seeded simulator of events (projects
// with a hidden true quality, jurors with an offset, a use of the scale and noise, the assignment made
// by our own assignment code, integer sheets on the criteria scales), ranked by every method on the
// same data, scored against the truth over many seeds with 95 % confidence intervals. Uses the
// compiled engine and assignment from apps/api/dist (`npm run bench:fairness` builds them first).
// Writes bench/results/fairness-<date>.json, docs/fairness.md and docs/fairness.svg.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { crowdBT } from './crowd-bt.mjs';
import { renderDoc } from './report.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const DIST = path.join(ROOT, 'apps/api/dist/modules');
const require = createRequire(import.meta.url);
for (const f of ['ranking/engine/index.js', 'judging/assignment-algorithm.js', 'judging/second-round.js'])
  if (!fs.existsSync(path.join(DIST, f))) {
    console.error(`no compiled ${f} under ${DIST}: run \`npm run bench:fairness\` (it builds @ca/api)`);
    process.exit(2);
  }
const { computeEdition } = require(path.join(DIST, 'ranking/engine/index.js'));
const { assignJurors } = require(path.join(DIST, 'judging/assignment-algorithm.js'));
const { DEFAULT_K, DEFAULT_Z, secondRound, sheetNoise } = require(path.join(DIST, 'judging/second-round.js'));

const SEEDS = Number(process.env.FAIRNESS_SEEDS ?? 200);
/** The headline second round runs at the API's defaults (k = 4, z = 3) unless told. */
const SECOND_ROUND_K = Number(process.env.FAIRNESS_K ?? DEFAULT_K);
const SECOND_ROUND_Z = Number(process.env.FAIRNESS_Z ?? DEFAULT_Z);
/** Other operating points of the second round (more reviews k, a wider interval z), model only. */
const SWEEP = [
  { k: 3, z: 2 },
  { k: 3, z: 3 },
  { k: 3, z: 4 },
  { k: 3, z: 5 },
  { k: 6, z: 3 },
];

// mulberry32, and Box-Muller normals from it.
const rng = (seed) => () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const normal = (r) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
const uniform = (r, lo, hi) => lo + (hi - lo) * r();
const shuffle = (r, xs) => {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
};

/**
 * The juror model: a sheet's value on a criterion is
 *   round(clamp(mid + offset + scale · spread · (q + ε_criterion) + noise · N(0, 1)))
 * q ~ N(0, 1) the project's true quality, ε ~ N(0, 0.3) its per-criterion variation, spread a
 * quarter of the criterion's range.
 */
const JURORS = {
  fair: () => ({ offset: 0, scale: 1, noise: 0.8 }),
  mixed: (r) => ({ offset: 1.2 * normal(r), scale: uniform(r, 0.4, 1.3), noise: uniform(r, 0.4, 1.4) }),
  mild: (r) => ({ offset: 0.3 * normal(r), scale: uniform(r, 0.9, 1.1), noise: 0.8 }),
  coarse: (r) => ({ offset: 0.8 * normal(r), scale: uniform(r, 0.3, 0.6), noise: uniform(r, 0.3, 0.8) }),
};

const CRITERIA_10 = [0, 1, 2, 3].map((i) => ({ id: `c${i}`, weight: 1, min: 1, max: 10, order: i }));

export const SCENARIOS = [
  {
    id: 'mixed-60',
    label: '60 × 12 × 3, mixed jurors',
    projects: 60,
    jurors: 12,
    reviews: 3,
    kind: 'mixed',
    biased: true,
    secondRound: true,
  },
  {
    id: 'mixed-200',
    label: '200 × 40 × 5, mixed jurors',
    projects: 200,
    jurors: 40,
    reviews: 5,
    kind: 'mixed',
    biased: true,
  },
  {
    id: 'harsh',
    label: 'one very harsh juror (60 × 12 × 3)',
    projects: 60,
    jurors: 12,
    reviews: 3,
    kind: 'mild',
    harsh: -3.5,
    biased: true,
  },
  {
    id: 'single',
    label: 'a lenient juror with a single sheet (60 × 12 × 3 + 1)',
    projects: 60,
    jurors: 12,
    reviews: 3,
    kind: 'mild',
    single: 3.5,
    biased: true,
  },
  {
    id: 'ties',
    label: 'heavy ties: compressed, coarse jurors (60 × 12 × 3)',
    projects: 60,
    jurors: 12,
    reviews: 3,
    kind: 'coarse',
    biased: true,
  },
  {
    id: 'fair',
    label: 'control: fair jurors (60 × 12 × 3)',
    projects: 60,
    jurors: 12,
    reviews: 3,
    kind: 'fair',
    biased: false,
  },
];

export const METHODS = [
  { id: 'none', label: 'raw mean' },
  { id: 'zscore', label: 'z-score per juror' },
  { id: 'model', label: 'juror-effects model' },
  { id: 'crowdbt', label: 'Crowd-BT (pairs)' },
];

// The assignment depends only on the ids and counts, so it is made once per scenario by our own code
// and the seed decides which simulated project and juror stands behind each id.
const assignmentCache = new Map();
const assignmentFor = (sc) => {
  if (assignmentCache.has(sc.id)) return assignmentCache.get(sc.id);
  const projects = Array.from({ length: sc.projects }, (_, i) => ({
    submissionId: `p${String(i).padStart(3, '0')}`,
    teamId: `t${String(i).padStart(3, '0')}`,
    trackId: 'main',
  }));
  const jurors = Array.from({ length: sc.jurors }, (_, i) => ({
    jurorId: `j${String(i).padStart(2, '0')}`,
    trackIds: [],
  }));
  const started = performance.now();
  const result = assignJurors({
    reviewsPerSubmission: sc.reviews,
    projects,
    jurors,
    conflicted: () => false,
    existing: [],
  });
  if (result.short.length > 0) throw new Error(`${sc.id}: assignment short`);
  const value = {
    projects,
    jurors,
    assignments: result.assignments,
    ms: performance.now() - started,
    graph: coAssignment(result.assignments, jurors),
  };
  assignmentCache.set(sc.id, value);
  return value;
};

/** The jurors' co-assignment graph: distinct pairs sharing a project, the most shared, components. */
const coAssignment = (assignments, jurors) => {
  const onProject = new Map();
  for (const a of assignments)
    onProject.set(a.submissionId, [...(onProject.get(a.submissionId) ?? []), a.jurorId]);
  const shared = new Map();
  const parent = new Map(jurors.map((j) => [j.jurorId, j.jurorId]));
  const find = (x) => (parent.get(x) === x ? x : find(parent.get(x)));
  for (const js of onProject.values())
    for (let x = 0; x < js.length; x++)
      for (let y = 0; y < x; y++) {
        const k = [js[x], js[y]].sort().join('|');
        shared.set(k, (shared.get(k) ?? 0) + 1);
        parent.set(find(js[x]), find(js[y]));
      }
  return {
    pairs: shared.size,
    possiblePairs: (jurors.length * (jurors.length - 1)) / 2,
    maxShared: Math.max(0, ...shared.values()),
    components: new Set(jurors.map((j) => find(j.jurorId))).size,
  };
};

const sheetValues = (r, quality, eps, juror) =>
  Object.fromEntries(
    CRITERIA_10.map((c, i) => {
      const mid = (c.min + c.max) / 2;
      const spread = (c.max - c.min) / 4;
      const raw = mid + juror.offset + juror.scale * spread * (quality + eps[i]) + juror.noise * normal(r);
      return [c.id, Math.min(c.max, Math.max(c.min, Math.round(raw)))];
    }),
  );

/** One simulated event: truth, jurors, sheets in the order each juror scored. */
const simulate = (sc, seed) => {
  const r = rng(Math.imul(seed + 1, 2654435761) ^ hash(sc.id));
  const { projects, jurors, assignments } = assignmentFor(sc);
  const truth = new Map(projects.map((p) => [p.submissionId, normal(r)]));
  const eps = new Map(projects.map((p) => [p.submissionId, CRITERIA_10.map(() => 0.3 * normal(r))]));
  const model = new Map(jurors.map((j) => [j.jurorId, JURORS[sc.kind](r)]));
  if (sc.harsh !== undefined) model.get(jurors[0].jurorId).offset = sc.harsh;
  // A seed decides which id plays which project: shuffle the truths over the ids.
  const shuffled = shuffle(r, [...truth.values()]);
  projects.forEach((p, i) => truth.set(p.submissionId, shuffled[i]));
  const assigned = shuffle(r, [...assignments]);
  if (sc.single !== undefined) {
    const late = { jurorId: 'j99', trackIds: [] };
    model.set(late.jurorId, { offset: sc.single, scale: 1, noise: 0.8 });
    assigned.push({
      jurorId: late.jurorId,
      submissionId: projects[Math.floor(r() * projects.length)].submissionId,
    });
  }
  const sheets = assigned.map((a) => ({
    jurorId: a.jurorId,
    submissionId: a.submissionId,
    values: sheetValues(r, truth.get(a.submissionId), eps.get(a.submissionId), model.get(a.jurorId)),
  }));
  const entries = projects.map((p, i) => ({
    ...p,
    teamName: p.teamId,
    title: `Project ${p.submissionId}`,
    submittedAt: 1_790_000_000_000 + Math.floor(r() * 86_400_000) + i,
    disqualified: false,
  }));
  return { r, truth, eps, model, sheets, entries, projects, jurors };
};

const hash = (s) => {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h;
};

const boardOf = (ev, normalization) =>
  computeEdition({
    normalization,
    criteria: CRITERIA_10,
    entries: ev.entries,
    sheets: ev.sheets,
    conflicts: [],
  }).get(null);

/** Announced order (best first) per method. */
const rankBy = (ev, method) => {
  if (method !== 'crowdbt') return boardOf(ev, method).map((row) => row.submissionId);
  // Pairs implied by each juror's consecutive sheets (the order they scored in), the better sheet
  // score winning; equal scores give no pair. Jurors' streams are interleaved as they would come in.
  const byJuror = new Map();
  for (const s of ev.sheets) {
    const score = CRITERIA_10.reduce((sum, c) => sum + s.values[c.id], 0);
    if (!byJuror.has(s.jurorId)) byJuror.set(s.jurorId, []);
    byJuror.get(s.jurorId).push({ id: s.submissionId, score });
  }
  const streams = [...byJuror.entries()].map(([jurorId, list]) => {
    const pairs = [];
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1], list[i]];
      if (a.score !== b.score) pairs.push(a.score > b.score ? [jurorId, a.id, b.id] : [jurorId, b.id, a.id]);
    }
    return pairs;
  });
  const comparisons = [];
  for (let i = 0; streams.some((s) => i < s.length); i++)
    for (const s of streams) if (i < s.length) comparisons.push(s[i]);
  const mu = crowdBT(
    ev.entries.map((e) => e.submissionId),
    comparisons,
  );
  const order = new Map(ev.entries.map((e, i) => [e.submissionId, i]));
  return [...mu.keys()].sort((a, b) => mu.get(b) - mu.get(a) || order.get(a) - order.get(b));
};

/** Kendall's τ-b between the announced order and the truth (no ties in either here). */
const kendall = (order, truth) => {
  const t = order.map((id) => truth.get(id));
  let concordant = 0;
  let discordant = 0;
  for (let i = 0; i < t.length; i++)
    for (let j = i + 1; j < t.length; j++) {
      if (t[i] > t[j]) concordant++;
      else if (t[i] < t[j]) discordant++;
    }
  const n = (t.length * (t.length - 1)) / 2;
  return (concordant - discordant) / n;
};

const metrics = (order, truth) => {
  const trueOrder = [...truth.keys()].sort((a, b) => truth.get(b) - truth.get(a));
  const trueRank = new Map(trueOrder.map((id, i) => [id, i]));
  const top3 = new Set(trueOrder.slice(0, 3));
  let rankError = 0;
  order.forEach((id, i) => (rankError += Math.abs(i - trueRank.get(id))));
  return {
    tau: kendall(order, truth),
    bestWins: order[0] === trueOrder[0] ? 1 : 0,
    top3: order.slice(0, 3).every((id) => top3.has(id)) ? 1 : 0,
    rankError: rankError / order.length,
  };
};

/** The second round on the model's board: k more reviews for the uncertain projects near the top 3. */
const withSecondRound = (ev, normalization, k = SECOND_ROUND_K, z = SECOND_ROUND_Z) => {
  const board = boardOf(ev, normalization);
  const scored = ev.sheets.map((s) => ({
    jurorId: s.jurorId,
    submissionId: s.submissionId,
    score:
      (CRITERIA_10.reduce((sum, c) => sum + (s.values[c.id] - c.min) / (c.max - c.min), 0) /
        CRITERIA_10.length) *
      100,
  }));
  // One sheet's noise in normalized units, as the endpoint reads it (second-round.ts `sheetNoise`).
  const noiseSd = sheetNoise(normalization, scored);
  const teamOf = new Map(ev.projects.map((p) => [p.submissionId, p.teamId]));
  const plan = secondRound({
    rows: board.map((row) => ({
      submissionId: row.submissionId,
      teamId: teamOf.get(row.submissionId),
      trackId: 'main',
      normalized: row.normalized,
      sheets: row.sheets,
    })),
    top: 3,
    k,
    z,
    noiseSd,
    jurors: ev.jurors,
    assignments: ev.sheets.map((s) => ({ jurorId: s.jurorId, submissionId: s.submissionId })),
    conflicted: () => false,
  });
  const extra = plan.added.map((a) => ({
    jurorId: a.jurorId,
    submissionId: a.submissionId,
    values: sheetValues(
      ev.r,
      ev.truth.get(a.submissionId),
      ev.eps.get(a.submissionId),
      ev.model.get(a.jurorId),
    ),
  }));
  return {
    ev: { ...ev, sheets: [...ev.sheets, ...extra] },
    uncertain: plan.uncertain.length,
    added: plan.added.length,
  };
};

const ci = (xs) => {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, n - 1);
  const half = 1.96 * Math.sqrt(variance / n);
  return { mean, lo: mean - half, hi: mean + half, half };
};
/** Paired difference method − raw mean, per seed: the comparison the criterion asks for. */
const pairedCi = (a, b) => ci(a.map((x, i) => x - b[i]));

const started = performance.now();
const results = [];
for (const sc of SCENARIOS) {
  const t0 = performance.now();
  const per = new Map();
  const push = (key, m) => {
    if (!per.has(key)) per.set(key, { tau: [], bestWins: [], top3: [], rankError: [] });
    for (const k of Object.keys(m)) per.get(key)[k].push(m[k]);
  };
  const secondStats = { uncertain: [], added: [] };
  const sweep = SWEEP.map((p) => ({ ...p, bestWins: [], added: [] }));
  for (let seed = 0; seed < SEEDS; seed++) {
    const ev = simulate(sc, seed);
    for (const m of METHODS) push(m.id, metrics(rankBy(ev, m.id), ev.truth));
    if (sc.secondRound)
      for (const method of ['zscore', 'model']) {
        const next = withSecondRound(ev, method);
        push(`${method}+2nd`, metrics(rankBy(next.ev, method), ev.truth));
        if (method === 'model') {
          secondStats.uncertain.push(next.uncertain);
          secondStats.added.push(next.added);
        }
      }
    if (sc.secondRound)
      for (const p of sweep) {
        const next = withSecondRound(ev, 'model', p.k, p.z);
        p.bestWins.push(metrics(rankBy(next.ev, 'model'), ev.truth).bestWins);
        p.added.push(next.added);
      }
  }
  const base = per.get('none');
  const methods = [...per.entries()].map(([id, m]) => ({
    id,
    tau: ci(m.tau),
    bestWins: ci(m.bestWins),
    top3: ci(m.top3),
    rankError: ci(m.rankError),
    vsRawMean: {
      tau: pairedCi(m.tau, base.tau),
      bestWins: pairedCi(m.bestWins, base.bestWins),
      rankError: pairedCi(m.rankError, base.rankError),
    },
  }));
  const ms = performance.now() - t0;
  results.push({
    scenario: sc,
    assignmentMs: assignmentFor(sc).ms,
    coAssignment: assignmentFor(sc).graph,
    ms,
    methods,
    secondRound: sc.secondRound
      ? {
          k: SECOND_ROUND_K,
          z: SECOND_ROUND_Z,
          uncertain: ci(secondStats.uncertain),
          added: ci(secondStats.added),
          sweep: sweep.map((p) => ({ k: p.k, z: p.z, bestWins: ci(p.bestWins), added: ci(p.added) })),
        }
      : undefined,
  });
  console.log(`${sc.id}: ${(ms / 1000).toFixed(1)} s`);
  for (const m of methods)
    console.log(
      `  ${m.id.padEnd(12)} τ ${m.tau.mean.toFixed(3)} ±${m.tau.half.toFixed(3)}  best ${(100 * m.bestWins.mean).toFixed(1)} % ±${(100 * m.bestWins.half).toFixed(1)}  top3 ${(100 * m.top3.mean).toFixed(1)} %  rank err ${m.rankError.mean.toFixed(2)}`,
    );
}
const date = new Date().toISOString().slice(0, 10);
const out = { date, seeds: SEEDS, node: process.version, totalMs: performance.now() - started, results };
fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
const jsonPath = path.join(ROOT, `bench/results/fairness-${date}.json`);
fs.writeFileSync(jsonPath, JSON.stringify(out, null, 2) + '\n');
// The lab's figures from before rule 7 (the assignment made disjoint panels), for the doc's comparison.
const baselinePath = path.join(ROOT, 'bench/results/fairness-baseline-panels.json');
const baseline = fs.existsSync(baselinePath) ? JSON.parse(fs.readFileSync(baselinePath, 'utf8')) : null;
await renderDoc(out, { root: ROOT, methods: METHODS, baseline });
console.log(
  `wrote ${path.relative(ROOT, jsonPath)}, docs/fairness.md, docs/fairness.svg in ${(out.totalMs / 1000).toFixed(1)} s`,
);
