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
 * 6. jurors get their own tracks' projects first, then jurors without tracks, then the others.
 *
 * It is a min-cost max-flow: source → project (capacity: what it still needs) → juror (capacity 1,
 * only eligible pairs, cost by rules 5–6) → sink, the juror → sink arcs in unit steps whose cost
 * grows with the juror's load. The maximum flow fills every slot that can be filled (rule 3); its
 * minimum cost has no negative cycle, so no unit can move from a juror with load `a` to one with
 * `b ≤ a − 2` (that would save at least `BALANCE` > any preference difference along a path: rule 4
 * before 5–6). Successive shortest paths (Bellman-Ford/SPFA, since residual arcs cost less than
 * zero) over P + J + 2 nodes: a few milliseconds for 60 projects × 12 jurors.
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
}

/** Costs of a project → juror arc (rules 5 and 6). */
export const COST = { keep: 0, ownTrack: 1, anyTrack: 2, otherTrack: 3 } as const;

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

export function assignJurors(input: AlgoInput): AlgoResult {
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
      arcs.push({ p: pi, j: ji, index: g.add(pNode(pi), jNode(ji), 1, cost) });
      degree[ji]! += 1;
    });
  });
  // The juror's k-th new assignment brings their load to fixedLoad + k: convex, growing cost.
  jurors.forEach((_, ji) => {
    for (let k = 1; k <= degree[ji]!; k++) g.add(jNode(ji), SINK, 1, BALANCE * (fixedLoad[ji]! + k));
  });

  g.minCostMaxFlow(SOURCE, SINK);

  const chosen: AlgoAssignment[] = arcs
    .filter((a) => g.graph[pNode(a.p)]![a.index]!.cap === 0)
    .map((a) => ({ jurorId: jurors[a.j]!.jurorId, submissionId: projects[a.p]!.submissionId }));
  const chosenKeys = new Set(chosen.map((a) => key(a.jurorId, a.submissionId)));

  const added = chosen.filter((a) => !movable.has(key(a.jurorId, a.submissionId)));
  const keptMovable = chosen.filter((a) => movable.has(key(a.jurorId, a.submissionId)));
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

  return { assignments, added, kept, rebalanced, short, loads };
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
