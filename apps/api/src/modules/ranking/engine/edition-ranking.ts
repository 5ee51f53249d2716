/**
 * One edition's boards, kept in memory and updated incrementally. Each operation changes the inputs,
 * marks what the change touches (the sheet's project; with z-scores, when the juror's statistics
 * moved, every project of that juror; with a method over the whole edition, everything), recomputes
 * only those projects, re-ranks only the boards they are on and returns, per board, the rows that
 * changed. Values are summed in an order that does not depend on the order of the operations, so the
 * state after any sequence of operations equals, bit for bit, the state built from the final inputs.
 */
import { type CountingSheets, type NormalizationMethod, normalizationMethod } from './normalization';
import { type ProjectResult, projectResult, rowChanged, type ScoredSheet, toLeaderboardRow } from './project';
import { byOrder, compareTitles, sheetScore, tieBreakCriterion } from './rules';
import { byNormalized, rankStandings, type Standing } from './standings';
import type {
  BoardDiff,
  EditionRankingInput,
  LeaderboardRow,
  Normalization,
  RankCriterion,
  RankEntry,
  RankSheet,
} from './types';

interface SheetState {
  jurorId: string;
  submissionId: string;
  values: Readonly<Record<string, number>>;
  /** Rule 1's score, `null` while the sheet lacks a value. */
  score: number | null;
  /** Set while the sheet counts. */
  counting: ScoredSheet | null;
}

interface ProjectState extends Standing {
  entry: RankEntry;
  result: ProjectResult | null;
}

export class EditionRanking {
  private criteria: readonly RankCriterion[] = [];
  private tieBreakId: string | null = null;
  private method: NormalizationMethod;
  private readonly projects = new Map<string, ProjectState>();
  /** Conflicts: juror id → the teams that juror is conflicted with. */
  private readonly conflicts = new Map<string, Set<string>>();
  private readonly sheetsBySubmission = new Map<string, Map<string, SheetState>>();
  private readonly sheetsByJuror = new Map<string, Map<string, SheetState>>();
  private readonly countingByJuror = new Map<string, Map<string, ScoredSheet>>();
  private readonly counting: CountingSheets = {
    jurors: () => this.countingByJuror.keys(),
    ofJuror: (jurorId) => this.countingByJuror.get(jurorId)?.values() ?? [],
  };

  /** The track board each listed project is on (every listed project is also on the edition's board). */
  private readonly listing = new Map<string, string>();
  private readonly boards = new Map<string | null, Board>([[null, new Board(null)]]);

  private readonly dirtyProjects = new Set<string>();
  private readonly dirtyJurors = new Set<string>();
  private full = false;
  private depth = 0;

  constructor(input: EditionRankingInput) {
    this.method = normalizationMethod(input.normalization);
    this.reload(input);
  }

  get normalization(): Normalization {
    return this.method.key;
  }

  /** The rows of a board (`null`: the whole edition), ranked rows first; empty for a track without projects. */
  board(trackId: string | null): LeaderboardRow[] {
    return [...(this.boards.get(trackId)?.rows ?? [])];
  }

  /** The tracks that have a board: those with at least one listed project, by id. */
  trackIds(): string[] {
    return [...this.boards.keys()].filter((k): k is string => k !== null).sort();
  }

  /** Replaces every input, as a full recompute; returns what changed against the state before. */
  reload(input: EditionRankingInput): BoardDiff[] {
    return this.run(() => {
      this.projects.clear();
      this.conflicts.clear();
      this.sheetsBySubmission.clear();
      this.sheetsByJuror.clear();
      this.countingByJuror.clear();
      this.criteria = byOrder(input.criteria);
      this.tieBreakId = tieBreakCriterion(this.criteria)?.id ?? null;
      this.method = normalizationMethod(input.normalization);
      for (const c of input.conflicts) nestedSet(this.conflicts, c.jurorId).add(c.teamId);
      for (const e of input.entries) this.projects.set(e.submissionId, newProject(e));
      for (const s of input.sheets) this.putSheet(s);
      this.full = true;
    });
  }

  /** Saves a juror's sheet for a submission, or replaces the one saved before. */
  upsertSheet(sheet: RankSheet): BoardDiff[] {
    return this.run(() => this.putSheet(sheet));
  }

  private putSheet(sheet: RankSheet): void {
    let state = this.sheetsBySubmission.get(sheet.submissionId)?.get(sheet.jurorId);
    if (!state) {
      state = {
        jurorId: sheet.jurorId,
        submissionId: sheet.submissionId,
        values: {},
        score: null,
        counting: null,
      };
      nested(this.sheetsBySubmission, sheet.submissionId).set(sheet.jurorId, state);
      nested(this.sheetsByJuror, sheet.jurorId).set(sheet.submissionId, state);
    }
    state.values = { ...sheet.values };
    state.score = sheetScore(this.criteria, state.values);
    this.refreshSheet(state);
  }

  /** Removes a juror's sheet for a submission (nothing happens when there is none). */
  removeSheet(jurorId: string, submissionId: string): BoardDiff[] {
    return this.run(() => {
      const state = this.sheetsBySubmission.get(submissionId)?.get(jurorId);
      if (!state) return;
      state.score = null;
      this.refreshSheet(state);
      unnest(this.sheetsBySubmission, submissionId, jurorId);
      unnest(this.sheetsByJuror, jurorId, submissionId);
    });
  }

  /** The juror declared a conflict with the team: the juror's sheets for it stop counting. */
  setConflict(jurorId: string, teamId: string): BoardDiff[] {
    return this.run(() => {
      nestedSet(this.conflicts, jurorId).add(teamId);
      this.refreshJurorTeam(jurorId, teamId);
    });
  }

  removeConflict(jurorId: string, teamId: string): BoardDiff[] {
    return this.run(() => {
      const teams = this.conflicts.get(jurorId);
      teams?.delete(teamId);
      if (teams?.size === 0) this.conflicts.delete(jurorId);
      this.refreshJurorTeam(jurorId, teamId);
    });
  }

  /** Adds a project or changes one (title, team, track, submission time, disqualification). */
  upsertEntry(entry: RankEntry): BoardDiff[] {
    return this.run(() => {
      const project = this.projects.get(entry.submissionId);
      if (project) {
        project.entry = { ...entry };
        project.title = entry.title;
        project.submittedAt = entry.submittedAt;
      } else {
        this.projects.set(entry.submissionId, newProject(entry));
      }
      this.refreshSubmission(entry.submissionId);
    });
  }

  /** Takes a project out of the ranking altogether (its sheets are kept but count nowhere). */
  removeEntry(submissionId: string): BoardDiff[] {
    return this.run(() => {
      if (!this.projects.delete(submissionId)) return;
      this.refreshSubmission(submissionId);
    });
  }

  setDisqualified(submissionId: string, disqualified: boolean): BoardDiff[] {
    const project = this.projects.get(submissionId);
    if (!project) throw new Error(`ranking: unknown submission ${submissionId}`);
    return this.upsertEntry({ ...project.entry, disqualified });
  }

  /** Replaces the criteria: every sheet score changes, so everything is recomputed. */
  setCriteria(criteria: readonly RankCriterion[]): BoardDiff[] {
    return this.run(() => {
      this.criteria = byOrder(criteria);
      this.tieBreakId = tieBreakCriterion(this.criteria)?.id ?? null;
      for (const byJuror of this.sheetsBySubmission.values())
        for (const state of byJuror.values()) {
          state.score = sheetScore(this.criteria, state.values);
          this.refreshSheet(state);
        }
      this.full = true;
    });
  }

  setNormalization(normalization: Normalization): BoardDiff[] {
    return this.run(() => {
      if (normalization === this.method.key) return;
      this.method = normalizationMethod(normalization);
      this.full = true;
    });
  }

  /** Runs several operations and updates the boards once, returning their combined changes. */
  batch(operations: () => void): BoardDiff[] {
    return this.run(operations);
  }

  private run(change: () => void): BoardDiff[] {
    this.depth++;
    try {
      change();
    } finally {
      this.depth--;
    }
    return this.depth === 0 ? this.flush() : [];
  }

  /** Re-decides whether a sheet counts; marks its project, and its juror when the juror's scores moved. */
  private refreshSheet(state: SheetState): void {
    const entry = this.projects.get(state.submissionId)?.entry;
    const counts =
      entry !== undefined &&
      !entry.disqualified &&
      state.score !== null &&
      !this.conflicts.get(state.jurorId)?.has(entry.teamId);
    const before = state.counting;
    if (!before && !counts) return;
    if (!before || !counts || before.score !== state.score) this.dirtyJurors.add(state.jurorId);
    if (counts) {
      state.counting = {
        jurorId: state.jurorId,
        submissionId: state.submissionId,
        score: state.score!,
        values: state.values,
      };
      nested(this.countingByJuror, state.jurorId).set(state.submissionId, state.counting);
    } else {
      state.counting = null;
      unnest(this.countingByJuror, state.jurorId, state.submissionId);
    }
    this.dirtyProjects.add(state.submissionId);
  }

  private refreshSubmission(submissionId: string): void {
    this.dirtyProjects.add(submissionId);
    for (const state of this.sheetsBySubmission.get(submissionId)?.values() ?? []) this.refreshSheet(state);
  }

  private refreshJurorTeam(jurorId: string, teamId: string): void {
    for (const state of this.sheetsByJuror.get(jurorId)?.values() ?? []) {
      if (this.projects.get(state.submissionId)?.entry.teamId === teamId) this.refreshSheet(state);
    }
  }

  private flush(): BoardDiff[] {
    const dirty = this.dirtyProjects;
    if (this.full) {
      this.method.rebuild(this.counting);
      for (const id of this.projects.keys()) dirty.add(id);
      for (const id of this.listing.keys()) dirty.add(id);
    } else if (this.dirtyJurors.size > 0) {
      const moved = this.method.jurorsChanged(this.dirtyJurors, this.counting);
      for (const id of moved === 'all' ? this.projects.keys() : moved) dirty.add(id);
    }
    this.full = false;
    this.dirtyJurors.clear();

    const touched = new Map<string | null, Set<string>>();
    const touch = (trackId: string | null, submissionId: string) => {
      if (!touched.has(trackId)) touched.set(trackId, new Set());
      touched.get(trackId)!.add(submissionId);
    };
    for (const id of dirty) {
      const project = this.projects.get(id);
      const listed = project !== undefined && !project.entry.disqualified;
      const before = this.listing.get(id);
      if (listed) {
        project.result = projectResult(
          this.criteria,
          this.tieBreakId,
          this.countingSheetsOf(id),
          this.method,
        );
        project.normalized = project.result?.normalized ?? 0;
        project.sheets = project.result?.sheets ?? 0;
        project.tieMean = project.result?.tieMean ?? 0;
        this.listing.set(id, project.entry.trackId);
        touch(project.entry.trackId, id);
      } else {
        if (project) project.result = null;
        this.listing.delete(id);
      }
      if (before !== undefined) touch(before, id);
      if (listed || before !== undefined) touch(null, id);
    }
    dirty.clear();

    const diffs: BoardDiff[] = [];
    const keys = [...touched.keys()].sort((a, b) => (a === null ? -1 : b === null ? 1 : a < b ? -1 : 1));
    for (const trackId of keys) {
      let board = this.boards.get(trackId);
      if (!board) this.boards.set(trackId, (board = new Board(trackId)));
      const diff = board.update(touched.get(trackId)!, (id) => {
        const p = this.projects.get(id);
        return p && this.listing.get(id) !== undefined && (trackId === null || p.entry.trackId === trackId)
          ? p
          : undefined;
      });
      if (diff.rows.length > 0 || diff.removed.length > 0) diffs.push(diff);
      if (trackId !== null && board.rows.length === 0) this.boards.delete(trackId);
    }
    return diffs;
  }

  private countingSheetsOf(submissionId: string): ScoredSheet[] {
    const sheets: ScoredSheet[] = [];
    for (const state of this.sheetsBySubmission.get(submissionId)?.values() ?? [])
      if (state.counting) sheets.push(state.counting);
    return sheets;
  }
}

/** One board: its ranked projects kept in `byNormalized` order, the others in title order, and its rows. */
class Board {
  private ranked: ProjectState[] = [];
  private unranked: ProjectState[] = [];
  rows: LeaderboardRow[] = [];
  private readonly rowById = new Map<string, LeaderboardRow>();

  constructor(readonly trackId: string | null) {}

  /** Re-places the given projects (`member` says whether and as what each is on this board now). */
  update(changed: ReadonlySet<string>, member: (id: string) => ProjectState | undefined): BoardDiff {
    const addRanked: ProjectState[] = [];
    const addUnranked: ProjectState[] = [];
    const removed: string[] = [];
    for (const id of changed) {
      const p = member(id);
      if (p) (p.result ? addRanked : addUnranked).push(p);
      else if (this.rowById.has(id)) removed.push(id);
    }
    this.ranked = mergeWithout(this.ranked, changed, addRanked.sort(byNormalized), byNormalized);
    this.unranked = mergeWithout(this.unranked, changed, addUnranked.sort(titles), titles);

    const { order, ranks } = rankStandings(this.ranked);
    const rows: LeaderboardRow[] = new Array(order.length + this.unranked.length);
    const diff: BoardDiff = { trackId: this.trackId, rows: [], removed };
    const place = (i: number, p: ProjectState, rank: number | null) => {
      const before = this.rowById.get(p.submissionId);
      let row = before;
      if (!before || before.rank !== rank || changed.has(p.submissionId)) {
        row = toLeaderboardRow(p.entry, p.result, rank);
        if (before && !rowChanged(before, row)) row = before;
        else {
          diff.rows.push(row);
          this.rowById.set(p.submissionId, row);
        }
      }
      rows[i] = row!;
    };
    for (let i = 0; i < order.length; i++) place(i, order[i], ranks[i]);
    for (let i = 0; i < this.unranked.length; i++) place(order.length + i, this.unranked[i], null);
    for (const id of removed) this.rowById.delete(id);
    this.rows = rows;
    return diff;
  }
}

const titles = (a: ProjectState, b: ProjectState) => compareTitles(a, b);

const newProject = (entry: RankEntry): ProjectState => ({
  entry: { ...entry },
  result: null,
  submissionId: entry.submissionId,
  title: entry.title,
  submittedAt: entry.submittedAt,
  normalized: 0,
  sheets: 0,
  tieMean: 0,
});

/** `kept` without the projects in `skip`, merged with `added`; both sorted by `compare`. */
const mergeWithout = (
  kept: ProjectState[],
  skip: ReadonlySet<string>,
  added: ProjectState[],
  compare: (x: ProjectState, y: ProjectState) => number,
): ProjectState[] => {
  const out: ProjectState[] = [];
  let j = 0;
  for (const p of kept) {
    if (skip.has(p.submissionId)) continue;
    while (j < added.length && compare(added[j], p) < 0) out.push(added[j++]);
    out.push(p);
  }
  while (j < added.length) out.push(added[j++]);
  return out;
};

const nestedSet = (map: Map<string, Set<string>>, key: string): Set<string> => {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Set()));
  return inner;
};

const nested = <V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> => {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  return inner;
};

const unnest = <V>(map: Map<string, Map<string, V>>, key: string, innerKey: string): void => {
  const inner = map.get(key);
  if (!inner) return;
  inner.delete(innerKey);
  if (inner.size === 0) map.delete(key);
};
