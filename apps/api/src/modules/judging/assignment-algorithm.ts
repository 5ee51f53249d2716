/**
 * The balanced assignment, as a pure function (no database): which juror scores which project.
 *
 * Rules (issue 10, in priority order):
 * 1. never a juror conflicted with the project's team; never the same juror twice on a project;
 * 2. assignments that must stay (`fixed`: a sheet exists, or an organizer assigned by hand) stay;
 * 3. each project gets `reviewsPerSubmission` jurors whose sheet would count, as far as there are
 *    eligible jurors;
 * 4. juror loads (assignments on projects that take part) differ by at most one, as far as rules
 *    1–3 allow;
 * 5. existing assignments without a sheet stay where they are (a re-run fills only what is missing);
 * 6. jurors get their own tracks' projects first, then jurors without tracks, then the others;
 * 7. among the assignments that rules 1–6 find equally good, jurors are mixed across projects: the
 *    sum over juror pairs of (projects the two share)² is made small, so a pair of jurors who already
 *    share a project is not put together again where another juror can take the place. Fixed panels
 *    (the same 3 jurors on 15 projects, no juror shared between panels) make jurors' severities
 *    incomparable across panels; a connected co-assignment graph with many distinct pairs is what
 *    lets the ranking's juror-effects model (and a z-score) tell a lenient juror from good projects
 *    (docs/fairness.md).
 *
 * It is a min-cost max-flow: source → project (capacity: what it still needs) → juror (capacity 1,
 * only eligible pairs, cost by rules 5–6) → sink, the juror → sink arcs in unit steps whose cost
 * grows with the juror's load. The maximum flow fills every slot that can be filled (rule 3); its
 * minimum cost has no negative cycle, so no unit can move from a juror with load `a` to one with
 * `b ≤ a − 2` (that would save at least `BALANCE` > any preference difference along a path: rule 4
 * before 5–6). Successive shortest paths (Bellman-Ford/SPFA, since residual arcs cost less than
 * zero) over P + J + 2 nodes: a few milliseconds for 60 projects × 12 jurors.
 *
 * Rule 7 is a bounded local search on the flow's answer (`mixJurors`): it only swaps two new
 * assignments between two projects (juror a from p to q, juror b from q to p: loads unchanged) or
 * hands a new assignment from a juror with load L + 1 to one with load L (loads as a multiset
 * unchanged), only when both new pairs are eligible (rule 1), neither is fixed or kept (rules 2, 5),
 * the track costs do not grow (rule 6) and the pair sum falls. Every step keeps the flow's cost, so
 * rules 1–6 hold exactly as before. The search stops at the first pass without a gain, after
 * `MIXING.passes` passes, or after `MIXING.work` steps of work (pair counts read or written,
 * candidates looked at), whichever comes first, whatever the edition's size.
 */

export interface AlgoProject {
  submissionId: string;
  teamId: string;
  trackId: string;
}
export interface AlgoJuror {
  jurorId: string;
  /** Preferred tracks (jury invitations); empty = none. */
  trackIds: readonly string[];
}
export interface AlgoAssignment {
  jurorId: string;
  submissionId: string;
}
export interface AlgoExisting extends AlgoAssignment {
  /** Must stay: has a sheet, or was made by hand. */
  fixed: boolean;
}
export interface AlgoInput {
  reviewsPerSubmission: number;
  /** The projects that take part (submitted, not disqualified). */
  projects: readonly AlgoProject[];
  jurors: readonly AlgoJuror[];
  /** Whether the juror is conflicted with the team (declared, or a member of it). */
  conflicted: (jurorId: string, teamId: string) => boolean;
  /** Current assignments on these projects by these jurors. */
  existing: readonly AlgoExisting[];
  /**
   * Other assignments that this run neither counts nor moves (a second round's: the first round's,
   * on any project): only rule 7 reads them, for the pairs of jurors who already share a project.
   */
  context?: readonly AlgoAssignment[];
}
export interface AlgoShortfall {
  submissionId: string;
  /** Jurors on it whose sheet would count, after the run. */
  assigned: number;
  /** Jurors not conflicted with the team. */
  eligibleJurors: number;
}
export interface AlgoResult {
  /** Every assignment after the run. */
  assignments: AlgoAssignment[];
  added: AlgoAssignment[];
  /** Existing assignments kept (fixed ones and others left in place). */
  kept: AlgoAssignment[];
  /** Existing assignments without a sheet moved away to keep the loads within one. */
  rebalanced: AlgoAssignment[];
  short: AlgoShortfall[];
  /** Assignments per juror after the run. */
  loads: Map<string, number>;
  /** What rule 7's search did. */
  mixing: MixingStats;
}

/** Costs of a project → juror arc (rules 5 and 6). */
export const COST = { keep: 0, ownTrack: 1, anyTrack: 2, otherTrack: 3 } as const;

/**
 * Bounds of rule 7's search: at most `passes` passes over the new assignments, and at most `work`
 * steps (pair counts read or written, candidates looked at) in all, whatever the edition's size.
 */
export const MIXING: MixingBounds = { passes: 12, work: 20_000_000 };

export interface MixingBounds {
  passes: number;
  work: number;
}

export interface MixingStats {
  /** Passes run over the new assignments. */
  passes: number;
  /** Pair-count reads and writes and candidates looked at (≤ the bound plus one step's). */
  work: number;
  /** Σ over juror pairs of (projects they share)², before and after the search. */
  penaltyBefore: number;
  penaltyAfter: number;
  swaps: number;
  transfers: number;
}

interface Arc {
  to: number;
  cap: number;
  cost: number;
  /** Index of the reverse arc in `graph[to]`. */
  rev: number;
}

class FlowGraph {
  readonly graph: Arc[][];
  constructor(readonly size: number) {
    this.graph = Array.from({ length: size }, () => []);
  }
  /** Adds an arc; answers its index in `graph[from]`. */
  add(from: number, to: number, cap: number, cost: number): number {
    this.graph[from]!.push({ to, cap, cost, rev: this.graph[to]!.length });
    this.graph[to]!.push({ to: from, cap: 0, cost: -cost, rev: this.graph[from]!.length - 1 });
    return this.graph[from]!.length - 1;
  }
  /** Successive shortest augmenting paths of one unit each, until none is left. */
  minCostMaxFlow(source: number, sink: number): void {
    const n = this.size;
    for (;;) {
      const dist = new Array<number>(n).fill(Infinity);
      const inQueue = new Array<boolean>(n).fill(false);
      const prevNode = new Array<number>(n).fill(-1);
      const prevArc = new Array<number>(n).fill(-1);
      dist[source] = 0;
      const queue: number[] = [source];
      inQueue[source] = true;
      for (let head = 0; head < queue.length; head++) {
        const u = queue[head]!;
        inQueue[u] = false;
        const arcs = this.graph[u]!;
        for (let i = 0; i < arcs.length; i++) {
          const a = arcs[i]!;
          if (a.cap <= 0) continue;
          const d = dist[u]! + a.cost;
          if (d < dist[a.to]!) {
            dist[a.to] = d;
            prevNode[a.to] = u;
            prevArc[a.to] = i;
            if (!inQueue[a.to]) {
              inQueue[a.to] = true;
              queue.push(a.to);
            }
          }
        }
      }
      if (dist[sink] === Infinity) return;
      for (let v = sink; v !== source; v = prevNode[v]!) {
        const a = this.graph[prevNode[v]!]![prevArc[v]!]!;
        a.cap -= 1;
        this.graph[v]![a.rev]!.cap += 1;
      }
    }
  }
}

const key = (jurorId: string, submissionId: string) => `${jurorId}\u0000${submissionId}`;
const byId =
  <T>(id: (t: T) => string) =>
  (a: T, b: T) =>
    id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0;

/**
 * `options.mixing`: the bounds of rule 7's search (`MIXING` unless told), or false to skip it (the
 * flow's answer as is: for comparison in the tests and the lab).
 */
export function assignJurors(input: AlgoInput, options: { mixing?: MixingBounds | false } = {}): AlgoResult {
  const projects = [...input.projects].sort(byId((p) => p.submissionId));
  const jurors = [...input.jurors].sort(byId((j) => j.jurorId));
  const projectIndex = new Map(projects.map((p, i) => [p.submissionId, i]));
  const jurorIndex = new Map(jurors.map((j, i) => [j.jurorId, i]));
  const existing = input.existing.filter(
    (e) => projectIndex.has(e.submissionId) && jurorIndex.has(e.jurorId),
  );
  const fixed = existing.filter((e) => e.fixed);
  const movable = new Set(existing.filter((e) => !e.fixed).map((e) => key(e.jurorId, e.submissionId)));
  const fixedKeys = new Set(fixed.map((e) => key(e.jurorId, e.submissionId)));

  const fixedLoad = new Array<number>(jurors.length).fill(0);
  const countingFixed = new Array<number>(projects.length).fill(0);
  for (const e of fixed) {
    fixedLoad[jurorIndex.get(e.jurorId)!]! += 1;
    const p = projects[projectIndex.get(e.submissionId)!]!;
    if (!input.conflicted(e.jurorId, p.teamId)) countingFixed[projectIndex.get(e.submissionId)!]! += 1;
  }

  // Nodes: 0 source, 1 sink, 2.. projects, then jurors.
  const SOURCE = 0;
  const SINK = 1;
  const pNode = (i: number) => 2 + i;
  const jNode = (i: number) => 2 + projects.length + i;
  const g = new FlowGraph(2 + projects.length + jurors.length);
  // Larger than any difference in preference costs along an augmenting path (at most one arc per
  // project and per juror node, each costing at most COST.otherTrack).
  const BALANCE = COST.otherTrack * (projects.length + jurors.length + 2) + 1;

  const arcs: { p: number; j: number; index: number }[] = [];
  // Track cost of each arc that would be a new assignment (rule 7 may move new ones onto it), −1 else.
  const newCost = new Int8Array(projects.length * jurors.length).fill(-1);
  const eligibleOf = new Array<number>(projects.length).fill(0);
  const degree = new Array<number>(jurors.length).fill(0);
  projects.forEach((p, pi) => {
    const need = Math.max(0, input.reviewsPerSubmission - countingFixed[pi]!);
    if (need > 0) g.add(SOURCE, pNode(pi), need, 0);
    jurors.forEach((j, ji) => {
      if (input.conflicted(j.jurorId, p.teamId)) return;
      eligibleOf[pi]! += 1;
      const k = key(j.jurorId, p.submissionId);
      if (fixedKeys.has(k) || need === 0) return;
      const cost = movable.has(k)
        ? COST.keep
        : j.trackIds.length === 0
          ? COST.anyTrack
          : j.trackIds.includes(p.trackId)
            ? COST.ownTrack
            : COST.otherTrack;
      if (!movable.has(k)) newCost[pi * jurors.length + ji] = cost;
      arcs.push({ p: pi, j: ji, index: g.add(pNode(pi), jNode(ji), 1, cost) });
      degree[ji]! += 1;
    });
  });
  // The juror's k-th new assignment brings their load to fixedLoad + k: convex, growing cost.
  jurors.forEach((_, ji) => {
    for (let k = 1; k <= degree[ji]!; k++) g.add(jNode(ji), SINK, 1, BALANCE * (fixedLoad[ji]! + k));
  });

  g.minCostMaxFlow(SOURCE, SINK);

  const flowed = arcs.filter((a) => g.graph[pNode(a.p)]![a.index]!.cap === 0);
  const isMovable = (a: { p: number; j: number }) =>
    movable.has(key(jurors[a.j]!.jurorId, projects[a.p]!.submissionId));
  const members: number[][] = projects.map(() => []);
  for (const e of fixed) members[projectIndex.get(e.submissionId)!]!.push(jurorIndex.get(e.jurorId)!);
  for (const a of flowed) members[a.p]!.push(a.j);
  const fresh = flowed.filter((a) => !isMovable(a)).map((a) => ({ p: a.p, j: a.j }));
  const load = Int32Array.from(fixedLoad);
  for (const a of flowed) load[a.j]! += 1;
  // The context's jurors join the pair counts: on this run's projects as members (they are on it),
  // elsewhere as groups of their own.
  const outside = new Map<string, number[]>();
  for (const c of input.context ?? []) {
    const ji = jurorIndex.get(c.jurorId);
    if (ji === undefined) continue;
    const pi = projectIndex.get(c.submissionId);
    if (pi === undefined) outside.set(c.submissionId, [...(outside.get(c.submissionId) ?? []), ji]);
    else if (!members[pi]!.includes(ji)) members[pi]!.push(ji);
  }
  const mixing = mixJurors({
    jurors: jurors.length,
    members,
    outside: [...outside.values()].map((js) => [...new Set(js)]),
    load,
    fresh,
    newCost,
    bounds: options.mixing === false ? { passes: 0, work: 0 } : (options.mixing ?? MIXING),
  });

  const ref = (a: { p: number; j: number }): AlgoAssignment => ({
    jurorId: jurors[a.j]!.jurorId,
    submissionId: projects[a.p]!.submissionId,
  });
  const added = fresh.map(ref);
  const keptMovable = flowed.filter(isMovable).map(ref);
  const chosenKeys = new Set([...added, ...keptMovable].map((a) => key(a.jurorId, a.submissionId)));
  const rebalanced = existing
    .filter((e) => !e.fixed && !chosenKeys.has(key(e.jurorId, e.submissionId)))
    .map(({ jurorId, submissionId }) => ({ jurorId, submissionId }));
  const kept = [...fixed.map(({ jurorId, submissionId }) => ({ jurorId, submissionId })), ...keptMovable];
  const assignments = [...kept, ...added];

  const loads = new Map<string, number>(jurors.map((j) => [j.jurorId, 0]));
  const counting = new Array<number>(projects.length).fill(0);
  for (const a of assignments) {
    loads.set(a.jurorId, loads.get(a.jurorId)! + 1);
    const pi = projectIndex.get(a.submissionId)!;
    if (!input.conflicted(a.jurorId, projects[pi]!.teamId)) counting[pi]! += 1;
  }
  const short = projects
    .map((p, pi) => ({
      submissionId: p.submissionId,
      assigned: counting[pi]!,
      eligibleJurors: eligibleOf[pi]!,
    }))
    .filter((s) => s.assigned < input.reviewsPerSubmission);

  return { assignments, added, kept, rebalanced, short, loads, mixing };
}

/**
 * Rule 7: the bounded local search that mixes jurors across projects. `members[p]` are the jurors on
 * project p (every assignment of the run); `fresh` the new ones, the only ones it moves (changed in
 * place); `newCost[p · J + j]` the track cost of juror j as a new assignment on p, −1 when not
 * allowed (conflicted, fixed, an existing assignment, or p needs nobody).
 */
function mixJurors(input: {
  jurors: number;
  members: number[][];
  /** Groups of jurors sharing a project outside the run: counted in the pairs, never changed. */
  outside: number[][];
  /** Each juror's load in the run (what rule 4 balances). */
  load: Int32Array;
  fresh: { p: number; j: number }[];
  newCost: Int8Array;
  bounds: MixingBounds;
}): MixingStats {
  const J = input.jurors;
  const { members, fresh, newCost, bounds, load } = input;
  const stats: MixingStats = {
    passes: 0,
    work: 0,
    penaltyBefore: 0,
    penaltyAfter: 0,
    swaps: 0,
    transfers: 0,
  };
  const pairs = new Int32Array(J * J);
  // Whether juror j is on project p, at p · J + j.
  const on = new Uint8Array(members.length * J);
  const onKey = (p: number, j: number) => p * J + j;
  for (const m of input.outside)
    for (let x = 0; x < m.length; x++)
      for (let y = 0; y < x; y++) {
        pairs[m[x]! * J + m[y]!]! += 1;
        pairs[m[y]! * J + m[x]!]! += 1;
      }
  for (let p = 0; p < members.length; p++) {
    const m = members[p]!;
    for (let x = 0; x < m.length; x++) {
      on[onKey(p, m[x]!)] = 1;
      for (let y = 0; y < x; y++) {
        pairs[m[x]! * J + m[y]!]! += 1;
        pairs[m[y]! * J + m[x]!]! += 1;
      }
    }
  }
  let penalty = 0;
  for (let a = 0; a < J; a++) for (let b = a + 1; b < J; b++) penalty += pairs[a * J + b]! ** 2;
  stats.penaltyBefore = penalty;
  stats.penaltyAfter = penalty;
  if (fresh.length === 0 || J < 2) return stats;

  // The fresh assignments of each juror, as indexes into `fresh`.
  const ofJuror: number[][] = Array.from({ length: J }, () => []);
  fresh.forEach((f, i) => ofJuror[f.j]!.push(i));

  /** Takes juror j off project p (or puts them on it): answers the change of the pair sum. */
  const remove = (p: number, j: number) => {
    const m = members[p]!;
    m.splice(m.indexOf(j), 1);
    on[onKey(p, j)] = 0;
    load[j]! -= 1;
    let delta = 0;
    for (const x of m) {
      const c = pairs[j * J + x]!;
      delta += 1 - 2 * c;
      pairs[j * J + x] = c - 1;
      pairs[x * J + j] = c - 1;
    }
    stats.work += m.length + 1;
    return delta;
  };
  const add = (p: number, j: number) => {
    const m = members[p]!;
    let delta = 0;
    for (const x of m) {
      const c = pairs[j * J + x]!;
      delta += 2 * c + 1;
      pairs[j * J + x] = c + 1;
      pairs[x * J + j] = c + 1;
    }
    m.push(j);
    on[onKey(p, j)] = 1;
    load[j]! += 1;
    stats.work += m.length;
    return delta;
  };
  /** What the pair sum would gain by adding juror j to p without juror `without` (read only). */
  const addCost = (p: number, j: number, without: number) => {
    let cost = 0;
    for (const x of members[p]!) if (x !== without) cost += 2 * pairs[j * J + x]! + 1;
    stats.work += members[p]!.length;
    return cost;
  };
  const move = (i: number, to: number) => {
    const list = ofJuror[fresh[i]!.j]!;
    list.splice(list.indexOf(i), 1);
    ofJuror[to]!.push(i);
    fresh[i]!.j = to;
  };

  for (let pass = 0; pass < bounds.passes && stats.work < bounds.work; pass++) {
    stats.passes += 1;
    let improved = false;
    for (let i = 0; i < fresh.length && stats.work < bounds.work; i++) {
      const { p, j: a } = fresh[i]!;
      // What taking juror a off p saves: Σ (2c − 1) over a's pairs there; no juror can take the place
      // for less when every one of those pairs is a first (c = 1).
      const others = members[p]!.length - 1;
      const here = addCost(p, a, a) - 2 * others;
      if (here <= others) continue;
      const costA = newCost[p * J + a]!;
      let done = false;
      for (let b = 0; b < J && !done && stats.work < bounds.work; b++) {
        stats.work += 1;
        if (b === a || on[onKey(p, b)]) continue;
        const costB = newCost[p * J + b]!;
        if (costB < 0) continue;
        // The gain on p alone of b taking a's place there.
        if (addCost(p, b, a) >= here) continue;
        if (load[a] === load[b]! + 1 && costB <= costA) {
          const delta = remove(p, a) + add(p, b);
          if (delta < 0) {
            move(i, b);
            penalty += delta;
            stats.transfers += 1;
            improved = done = true;
            break;
          }
          remove(p, b);
          add(p, a);
        }
        for (const i2 of ofJuror[b]!) {
          const q = fresh[i2]!.p;
          stats.work += 1;
          if (q === p || on[onKey(q, a)]) continue;
          const aq = newCost[q * J + a]!;
          if (aq < 0 || aq + costB > costA + newCost[q * J + b]!) continue;
          if (stats.work >= bounds.work) break;
          const delta = remove(p, a) + remove(q, b) + add(p, b) + add(q, a);
          if (delta < 0) {
            move(i, b);
            move(i2, a);
            penalty += delta;
            stats.swaps += 1;
            improved = done = true;
            break;
          }
          remove(q, a);
          remove(p, b);
          add(p, a);
          add(q, b);
        }
      }
    }
    if (!improved) break;
  }
  stats.penaltyAfter = penalty;
  return stats;
}

/**
 * The least-loaded eligible juror for one more project (a flag's reassignment): not conflicted
 * with the team, not already on the project, not excluded; ties go to the project's track, then
 * jurors without tracks, then by id. Null when nobody is eligible.
 */
export function leastLoadedJuror(opts: {
  project: AlgoProject;
  jurors: readonly AlgoJuror[];
  loads: ReadonlyMap<string, number>;
  conflicted: (jurorId: string, teamId: string) => boolean;
  exclude: ReadonlySet<string>;
}): string | null {
  const preference = (j: AlgoJuror) =>
    j.trackIds.length === 0
      ? COST.anyTrack
      : j.trackIds.includes(opts.project.trackId)
        ? COST.ownTrack
        : COST.otherTrack;
  const candidates = opts.jurors
    .filter((j) => !opts.exclude.has(j.jurorId) && !opts.conflicted(j.jurorId, opts.project.teamId))
    .sort(
      (a, b) =>
        (opts.loads.get(a.jurorId) ?? 0) - (opts.loads.get(b.jurorId) ?? 0) ||
        preference(a) - preference(b) ||
        (a.jurorId < b.jurorId ? -1 : 1),
    );
  return candidates[0]?.jurorId ?? null;
}
