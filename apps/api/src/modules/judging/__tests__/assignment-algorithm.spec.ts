import {
  assignJurors,
  COST,
  leastLoadedJuror,
  MIXING,
  type AlgoAssignment,
  type AlgoExisting,
  type AlgoInput,
  type AlgoJuror,
  type AlgoProject,
} from '../assignment-algorithm';

/** A seeded pseudo-random generator, so that every run checks the same cases. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const id = (prefix: string, i: number) => `${prefix}-${String(i).padStart(3, '0')}`;

function world(opts: {
  projects: number;
  jurors: number;
  tracks?: number;
  conflictRate?: number;
  seed?: number;
  /** Whether jurors prefer tracks (a third one, a third two); true unless told. */
  trackPrefs?: boolean;
}) {
  const random = rng(opts.seed ?? 1);
  const tracks = Array.from({ length: opts.tracks ?? 3 }, (_, i) => id('track', i));
  const projects: AlgoProject[] = Array.from({ length: opts.projects }, (_, i) => ({
    submissionId: id('sub', i),
    teamId: id('team', i),
    trackId: tracks[i % tracks.length]!,
  }));
  const jurors: AlgoJuror[] = Array.from({ length: opts.jurors }, (_, i) => ({
    jurorId: id('juror', i),
    // A third prefer one track, a third none, a third two tracks.
    trackIds:
      opts.trackPrefs === false
        ? []
        : i % 3 === 0
          ? [tracks[i % tracks.length]!]
          : i % 3 === 1
            ? []
            : tracks.slice(0, 2),
  }));
  const conflicts = new Set<string>();
  for (const j of jurors)
    for (const p of projects)
      if (random() < (opts.conflictRate ?? 0)) conflicts.add(`${j.jurorId}|${p.teamId}`);
  const conflicted = (jurorId: string, teamId: string) => conflicts.has(`${jurorId}|${teamId}`);
  return { projects, jurors, conflicted, tracks };
}

function check(input: AlgoInput, result: ReturnType<typeof assignJurors>) {
  const teamOf = new Map(input.projects.map((p) => [p.submissionId, p.teamId]));
  const pairs = new Set<string>();
  for (const a of result.assignments) {
    const k = `${a.jurorId}|${a.submissionId}`;
    expect(pairs.has(k)).toBe(false); // never twice
    pairs.add(k);
  }
  for (const a of [...result.added])
    expect(input.conflicted(a.jurorId, teamOf.get(a.submissionId)!)).toBe(false);
  const loads = [...result.loads.values()];
  return { min: Math.min(...loads), max: Math.max(...loads), pairs };
}

describe('assignJurors', () => {
  it('gives 60 projects 3 jurors each among 12 jurors with loads within one and no conflict', () => {
    const w = world({ projects: 60, jurors: 12, conflictRate: 0.08, seed: 7 });
    const input: AlgoInput = { reviewsPerSubmission: 3, ...w, existing: [] };
    const result = assignJurors(input);
    const { min, max } = check(input, result);
    expect(result.short).toEqual([]);
    expect(result.assignments).toHaveLength(180);
    expect(max - min).toBeLessThanOrEqual(1);
    expect(min).toBe(15);
    for (const p of w.projects) {
      const on = result.assignments.filter((a) => a.submissionId === p.submissionId);
      expect(on).toHaveLength(3);
      for (const a of on) expect(w.conflicted(a.jurorId, p.teamId)).toBe(false);
    }
  });

  it('stays within one for uneven totals (61 projects × 3 / 12 jurors)', () => {
    const w = world({ projects: 61, jurors: 12, conflictRate: 0.05, seed: 3 });
    const input: AlgoInput = { reviewsPerSubmission: 3, ...w, existing: [] };
    const result = assignJurors(input);
    const { min, max } = check(input, result);
    expect(result.assignments).toHaveLength(183);
    expect([min, max]).toEqual([15, 16]);
  });

  it('gives jurors their own tracks first when that costs no balance', () => {
    // Two tracks, each with 4 projects; 2 jurors per track, R = 2: each track's jurors can take it all.
    const projects: AlgoProject[] = Array.from({ length: 8 }, (_, i) => ({
      submissionId: id('sub', i),
      teamId: id('team', i),
      trackId: i < 4 ? 'health' : 'tourism',
    }));
    const jurors: AlgoJuror[] = [
      { jurorId: 'j-a', trackIds: ['health'] },
      { jurorId: 'j-b', trackIds: ['health'] },
      { jurorId: 'j-c', trackIds: ['tourism'] },
      { jurorId: 'j-d', trackIds: ['tourism'] },
    ];
    const result = assignJurors({
      reviewsPerSubmission: 2,
      projects,
      jurors,
      conflicted: () => false,
      existing: [],
    });
    const trackOf = new Map(projects.map((p) => [p.submissionId, p.trackId]));
    const prefers = new Map(jurors.map((j) => [j.jurorId, j.trackIds[0]]));
    for (const a of result.assignments) expect(trackOf.get(a.submissionId)).toBe(prefers.get(a.jurorId));
  });

  it('keeps balance before track preference', () => {
    // Every project is in health, only one juror prefers it: the others still take their share.
    const projects: AlgoProject[] = Array.from({ length: 6 }, (_, i) => ({
      submissionId: id('sub', i),
      teamId: id('team', i),
      trackId: 'health',
    }));
    const jurors: AlgoJuror[] = [
      { jurorId: 'j-a', trackIds: ['health'] },
      { jurorId: 'j-b', trackIds: ['tourism'] },
      { jurorId: 'j-c', trackIds: [] },
    ];
    const result = assignJurors({
      reviewsPerSubmission: 1,
      projects,
      jurors,
      conflicted: () => false,
      existing: [],
    });
    expect([...result.loads.values()]).toEqual([2, 2, 2]);
  });

  it('on a re-run keeps fixed and existing assignments and fills only what is missing', () => {
    const w = world({ projects: 60, jurors: 12, conflictRate: 0.05, seed: 11 });
    const first = assignJurors({ reviewsPerSubmission: 3, ...w, existing: [] });
    // A third of the assignments got sheets; one project is new (submitted under an extension).
    const existing: AlgoExisting[] = first.assignments.map((a, i) => ({ ...a, fixed: i % 3 === 0 }));
    const late: AlgoProject = {
      submissionId: id('sub', 999),
      teamId: id('team', 999),
      trackId: w.tracks[0]!,
    };
    const input: AlgoInput = { reviewsPerSubmission: 3, ...w, projects: [...w.projects, late], existing };
    const second = assignJurors(input);
    const { min, max, pairs } = check(input, second);
    for (const e of existing.filter((x) => x.fixed))
      expect(pairs.has(`${e.jurorId}|${e.submissionId}`)).toBe(true);
    expect(second.added.every((a) => a.submissionId === late.submissionId)).toBe(true);
    expect(second.added).toHaveLength(3);
    expect(second.rebalanced).toEqual([]);
    expect(second.assignments).toHaveLength(183);
    expect(max - min).toBeLessThanOrEqual(1);
  });

  it('moves assignments without a sheet when a new juror joins, to keep loads within one', () => {
    const w = world({ projects: 30, jurors: 5, seed: 5 });
    const first = assignJurors({ reviewsPerSubmission: 2, ...w, existing: [] });
    const existing: AlgoExisting[] = first.assignments.map((a) => ({ ...a, fixed: false }));
    const jurors = [...w.jurors, { jurorId: 'juror-new', trackIds: [] }];
    const input: AlgoInput = { reviewsPerSubmission: 2, ...w, jurors, existing };
    const second = assignJurors(input);
    const { min, max } = check(input, second);
    expect(max - min).toBeLessThanOrEqual(1);
    expect(second.loads.get('juror-new')).toBe(10);
    expect(second.rebalanced).toHaveLength(10);
    expect(second.added.every((a) => a.jurorId === 'juror-new')).toBe(true);
  });

  it('does not count a conflicted juror’s kept sheet towards the project, and says who is short', () => {
    const projects: AlgoProject[] = [{ submissionId: 's1', teamId: 't1', trackId: 'x' }];
    const jurors: AlgoJuror[] = [
      { jurorId: 'j1', trackIds: [] },
      { jurorId: 'j2', trackIds: [] },
      { jurorId: 'j3', trackIds: [] },
    ];
    const conflicted = (j: string) => j === 'j1';
    const result = assignJurors({
      reviewsPerSubmission: 3,
      projects,
      jurors,
      conflicted,
      existing: [{ jurorId: 'j1', submissionId: 's1', fixed: true }],
    });
    expect(result.added.map((a) => a.jurorId).sort()).toEqual(['j2', 'j3']);
    expect(result.short).toEqual([{ submissionId: 's1', assigned: 2, eligibleJurors: 2 }]);
  });

  it('handles no jurors and no projects', () => {
    const w = world({ projects: 3, jurors: 0 });
    expect(assignJurors({ reviewsPerSubmission: 3, ...w, existing: [] }).short).toHaveLength(3);
    expect(assignJurors({ reviewsPerSubmission: 3, ...w, projects: [], existing: [] }).assignments).toEqual(
      [],
    );
  });
});

/** The jurors' co-assignment graph: pairs sharing a project, Σ over pairs of (shared projects)². */
function coAssignment(assignments: readonly AlgoAssignment[], jurorIds: readonly string[]) {
  const onProject = new Map<string, string[]>();
  for (const a of assignments)
    onProject.set(a.submissionId, [...(onProject.get(a.submissionId) ?? []), a.jurorId]);
  const shared = new Map<string, number>();
  const parent = new Map(jurorIds.map((j) => [j, j]));
  const find = (x: string): string => {
    while (parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  for (const js of onProject.values())
    for (let x = 0; x < js.length; x++)
      for (let y = 0; y < x; y++) {
        const k = [js[x]!, js[y]!].sort().join('|');
        shared.set(k, (shared.get(k) ?? 0) + 1);
        parent.set(find(js[x]!), find(js[y]!));
      }
  return {
    pairs: shared.size,
    maxShared: Math.max(0, ...shared.values()),
    penalty: [...shared.values()].reduce((sum, c) => sum + c * c, 0),
    components: new Set(jurorIds.map(find)).size,
  };
}

/** Rule 6's cost of the new assignments (what the flow minimizes after balance). */
function trackCost(input: AlgoInput, added: readonly AlgoAssignment[]) {
  const trackOf = new Map(input.projects.map((p) => [p.submissionId, p.trackId]));
  const prefers = new Map(input.jurors.map((j) => [j.jurorId, j.trackIds]));
  return added.reduce((sum, a) => {
    const tracks = prefers.get(a.jurorId)!;
    return (
      sum +
      (tracks.length === 0
        ? COST.anyTrack
        : tracks.includes(trackOf.get(a.submissionId)!)
          ? COST.ownTrack
          : COST.otherTrack)
    );
  }, 0);
}

const keys = (xs: readonly AlgoAssignment[]) => new Set(xs.map((a) => `${a.jurorId}|${a.submissionId}`));

describe('assignJurors mixes jurors across projects (rule 7)', () => {
  it('links every pair of jurors in 60 × 12 × 3, where the flow alone made 4 disjoint panels', () => {
    const w = world({ projects: 60, jurors: 12, tracks: 1, trackPrefs: false, seed: 1 });
    const input: AlgoInput = { reviewsPerSubmission: 3, ...w, existing: [] };
    const ids = w.jurors.map((j) => j.jurorId);
    const panels = coAssignment(assignJurors(input, { mixing: false }).assignments, ids);
    expect(panels).toMatchObject({ pairs: 12, maxShared: 15, components: 4 });

    const result = assignJurors(input);
    check(input, result);
    const graph = coAssignment(result.assignments, ids);
    expect(graph.components).toBe(1);
    expect(graph.pairs).toBe(66); // every pair of the 12 jurors shares a project
    expect(graph.maxShared).toBeLessThanOrEqual(3);
    // 180 pair slots over 66 pairs: 48 pairs share 3 projects and 18 share 2, the least Σ c² there is.
    expect(graph.penalty).toBe(48 * 9 + 18 * 4);
    expect(result.mixing).toMatchObject({ penaltyBefore: panels.penalty, penaltyAfter: graph.penalty });
    expect([...result.loads.values()].every((l) => l === 15)).toBe(true);
  });

  it('makes a typical edition’s co-assignment graph connected, with more distinct pairs', () => {
    // 60 projects in 3 tracks, 12 jurors invited without tracks, 8 % of juror–team pairs conflicted.
    const w = world({ projects: 60, jurors: 12, trackPrefs: false, conflictRate: 0.08, seed: 7 });
    const input: AlgoInput = { reviewsPerSubmission: 3, ...w, existing: [] };
    const ids = w.jurors.map((j) => j.jurorId);
    const before = coAssignment(assignJurors(input, { mixing: false }).assignments, ids);
    const result = assignJurors(input);
    const { min, max } = check(input, result);
    expect(result.short).toEqual([]);
    expect(max - min).toBeLessThanOrEqual(1);
    const after = coAssignment(result.assignments, ids);
    expect(after.components).toBe(1);
    expect(after.pairs).toBeGreaterThanOrEqual(60);
    expect(after.pairs).toBeGreaterThan(before.pairs);
    expect(after.maxShared).toBeLessThanOrEqual(4);
  });

  it('with track preferences, mixes as far as rule 6 allows: same track cost, smaller pair sum', () => {
    const w = world({ projects: 60, jurors: 12, conflictRate: 0.08, seed: 7 });
    const input: AlgoInput = { reviewsPerSubmission: 3, ...w, existing: [] };
    const ids = w.jurors.map((j) => j.jurorId);
    const flow = assignJurors(input, { mixing: false });
    const result = assignJurors(input);
    expect(trackCost(input, result.added)).toBe(trackCost(input, flow.added));
    const [before, after] = [coAssignment(flow.assignments, ids), coAssignment(result.assignments, ids)];
    expect(after.penalty).toBeLessThan(before.penalty);
    expect(after.pairs).toBeGreaterThan(before.pairs);
    expect(after.components).toBe(1);
  });

  it('keeps rules 1–6: the same loads, track cost, kept, moved and short as the flow alone', () => {
    const cases: { name: string; input: AlgoInput }[] = [];
    for (const seed of [1, 2, 3]) {
      for (const trackPrefs of [true, false]) {
        const w = world({ projects: 45, jurors: 10, conflictRate: 0.1, seed, trackPrefs });
        cases.push({
          name: `fresh ${seed} ${trackPrefs}`,
          input: { reviewsPerSubmission: 3, ...w, existing: [] },
        });
        // A re-run: a third of the assignments have sheets, the rest may move; a late project and a
        // new juror join.
        const first = assignJurors({ reviewsPerSubmission: 3, ...w, existing: [] });
        const existing: AlgoExisting[] = first.assignments.map((a, i) => ({ ...a, fixed: i % 3 === 0 }));
        const projects = [
          ...w.projects,
          { submissionId: id('sub', 900), teamId: id('team', 900), trackId: w.tracks[1]! },
        ];
        const jurors = [
          ...w.jurors,
          { jurorId: id('juror', 900), trackIds: trackPrefs ? [w.tracks[2]!] : [] },
        ];
        cases.push({
          name: `re-run ${seed} ${trackPrefs}`,
          input: { reviewsPerSubmission: 3, ...w, projects, jurors, existing },
        });
      }
    }
    // Heavy conflicts: 30 % of juror–team pairs, 4 reviews from 6 jurors (some projects fall short).
    const w = world({ projects: 30, jurors: 6, conflictRate: 0.3, seed: 9 });
    cases.push({ name: 'heavy conflicts', input: { reviewsPerSubmission: 4, ...w, existing: [] } });

    for (const { name, input } of cases) {
      const flow = assignJurors(input, { mixing: false });
      const result = assignJurors(input);
      const got = check(input, result);
      const want = check(input, flow);
      expect({ name, spread: got.max - got.min }).toEqual({ name, spread: want.max - want.min });
      const sortedLoads = (r: typeof result) => [...r.loads.values()].sort((a, b) => a - b);
      expect({ name, loads: sortedLoads(result) }).toEqual({ name, loads: sortedLoads(flow) });
      expect({ name, cost: trackCost(input, result.added) }).toEqual({
        name,
        cost: trackCost(input, flow.added),
      });
      expect(keys(result.kept)).toEqual(keys(flow.kept));
      expect(keys(result.rebalanced)).toEqual(keys(flow.rebalanced));
      expect(result.short).toEqual(flow.short);
      expect(result.added).toHaveLength(flow.added.length);
      const fixed = keys(input.existing.filter((e) => e.fixed));
      for (const a of result.added) expect(fixed.has(`${a.jurorId}|${a.submissionId}`)).toBe(false);
      const ids = input.jurors.map((j) => j.jurorId);
      const graph = coAssignment(result.assignments, ids);
      expect(result.mixing.penaltyAfter).toBe(graph.penalty);
      expect(graph.penalty).toBeLessThanOrEqual(coAssignment(flow.assignments, ids).penalty);
    }
  });

  it('counts the pairs of a context (a first round) and does not pair its co-jurors again', () => {
    const projects: AlgoProject[] = ['a', 'b'].map((x) => ({
      submissionId: x,
      teamId: `t-${x}`,
      trackId: 'x',
    }));
    const jurors: AlgoJuror[] = ['j1', 'j2', 'j3', 'j4'].map((jurorId) => ({ jurorId, trackIds: [] }));
    // j1 and j2 scored three projects together in the first round.
    const context = ['r1', 'r2', 'r3'].flatMap((submissionId) =>
      ['j1', 'j2'].map((jurorId) => ({ jurorId, submissionId })),
    );
    const input: AlgoInput = {
      reviewsPerSubmission: 2,
      projects,
      jurors,
      conflicted: () => false,
      existing: [],
    };
    const together = (r: ReturnType<typeof assignJurors>) =>
      projects.some((p) =>
        ['j1', 'j2'].every((j) =>
          r.assignments.some((a) => a.jurorId === j && a.submissionId === p.submissionId),
        ),
      );
    expect(together(assignJurors({ ...input, context }, { mixing: false }))).toBe(true);
    const result = assignJurors({ ...input, context });
    expect(together(result)).toBe(false);
    expect(result.assignments).toHaveLength(4);
    expect([...result.loads.values()]).toEqual([1, 1, 1, 1]);
    // Context assignments are neither returned nor counted in the loads.
    expect(result.assignments.every((a) => a.submissionId === 'a' || a.submissionId === 'b')).toBe(true);
  });

  it('bounds its work whatever the edition, and stops anywhere with every rule kept', () => {
    const w = world({ projects: 200, jurors: 40, trackPrefs: false, conflictRate: 0.05, seed: 4 });
    const input: AlgoInput = { reviewsPerSubmission: 5, ...w, existing: [] };
    // One step past the bound at most: a candidate, its cost on p, one swap tried and undone.
    const slack = 10 * (input.reviewsPerSubmission + 1);
    const full = assignJurors(input);
    expect(full.mixing.passes).toBeLessThanOrEqual(MIXING.passes);
    expect(full.mixing.work).toBeLessThanOrEqual(MIXING.work + slack);
    expect(full.mixing.penaltyAfter).toBeLessThan(full.mixing.penaltyBefore);

    const ids = w.jurors.map((j) => j.jurorId);
    const flowPenalty = coAssignment(assignJurors(input, { mixing: false }).assignments, ids).penalty;
    for (const bounds of [
      { passes: MIXING.passes, work: 3_000 },
      { passes: 1, work: MIXING.work },
    ]) {
      const cut = assignJurors(input, { mixing: bounds });
      expect(cut.mixing.work).toBeLessThanOrEqual(bounds.work + slack);
      expect(cut.mixing.passes).toBeLessThanOrEqual(bounds.passes);
      const { min, max } = check(input, cut);
      expect(max - min).toBeLessThanOrEqual(1);
      expect(cut.short).toEqual([]);
      expect(cut.assignments).toHaveLength(1000);
      const penalty = coAssignment(cut.assignments, ids).penalty;
      expect(penalty).toBe(cut.mixing.penaltyAfter);
      expect(penalty).toBeLessThanOrEqual(flowPenalty);
      expect(penalty).toBeGreaterThanOrEqual(full.mixing.penaltyAfter);
    }
  });
});

describe('leastLoadedJuror', () => {
  const project: AlgoProject = { submissionId: 's', teamId: 't', trackId: 'health' };
  const jurors: AlgoJuror[] = [
    { jurorId: 'a', trackIds: ['tourism'] },
    { jurorId: 'b', trackIds: ['health'] },
    { jurorId: 'c', trackIds: [] },
  ];
  it('takes the least loaded, then the project’s track, and never a conflicted or excluded juror', () => {
    const loads = new Map([
      ['a', 1],
      ['b', 1],
      ['c', 1],
    ]);
    expect(leastLoadedJuror({ project, jurors, loads, conflicted: () => false, exclude: new Set() })).toBe(
      'b',
    );
    expect(
      leastLoadedJuror({ project, jurors, loads, conflicted: (j) => j === 'b', exclude: new Set() }),
    ).toBe('c');
    expect(
      leastLoadedJuror({
        project,
        jurors,
        loads: new Map([['a', 0]]),
        conflicted: () => false,
        exclude: new Set(),
      }),
    ).toBe('b');
    expect(
      leastLoadedJuror({
        project,
        jurors,
        loads,
        conflicted: () => false,
        exclude: new Set(['a', 'b', 'c']),
      }),
    ).toBeNull();
  });
});
