import {
  assignJurors,
  leastLoadedJuror,
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
    trackIds: i % 3 === 0 ? [tracks[i % tracks.length]!] : i % 3 === 1 ? [] : tracks.slice(0, 2),
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
