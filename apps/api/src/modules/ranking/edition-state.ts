import type { JudgingSnapshot, LeaderboardRow } from '@ca/shared';
import {
  EditionRanking,
  type BoardDiff,
  type EditionRankingInput,
  type RankCriterion,
  type RankEntry,
  type RankSheet,
} from './engine';
import {
  ALL_BOARD,
  boardTrack,
  type EntryRecord,
  type RankingChange,
  type RankingSettings,
  type SheetRecord,
} from './ranking-change';

/** A board's change as it goes out: the engine's diff (organizers' view) with the board's new version. */
export interface BoardChange {
  editionId: string;
  trackId: string | null;
  version: number;
  rows: LeaderboardRow[];
  removed: string[];
}

/** One row of `ranking_changes`, as read. */
export interface LoggedChange {
  seq: number;
  change: RankingChange;
  versions: Record<string, number>;
  at: Date;
}

/** What applying one logged change did. */
export interface Applied {
  boards: BoardChange[];
  kind: RankingChange['kind'];
  /** A sheet change recorded at this moment (for frozen boards: did it happen before the freeze?). */
  at: number;
}

const pair = (a: string, b: string) => `${a}\u0000${b}`;

export const toRankEntry = (e: EntryRecord): RankEntry => ({
  submissionId: e.submissionId,
  teamId: e.teamId,
  teamName: e.teamName,
  trackId: e.trackId,
  title: e.title,
  submittedAt: Date.parse(e.submittedAt),
  disqualified: e.disqualified,
});

/**
 * One edition's ranking on one instance: the engine's boards, the inputs they are computed from
 * (kept beside the engine for explanations, frozen boards and team results), the edition's ranking
 * settings, every board's version and the last change applied (`seq`). Built from one consistent
 * snapshot, then moved forward only by applying the change log in sequence order, so that every
 * instance holds the same state for the same `seq`.
 */
export class EditionState {
  readonly ranking: EditionRanking;
  readonly entries = new Map<string, RankEntry>();
  /** juror + submission → the sheet's values. */
  readonly sheets = new Map<string, RankSheet>();
  /** juror + team pairs in conflict (declared or implicit). */
  readonly conflicts = new Set<string>();
  criteria: RankCriterion[];

  constructor(
    readonly editionId: string,
    public seq: number,
    readonly versions: Map<string, number>,
    public settings: RankingSettings,
    snapshot: JudgingSnapshot,
  ) {
    this.criteria = snapshot.criteria.map((c) => ({ ...c }));
    for (const p of snapshot.projects)
      this.entries.set(p.submissionId, toRankEntry({ ...p, submittedAt: p.submittedAt }));
    for (const s of snapshot.sheets) {
      this.sheets.set(pair(s.jurorId, s.submissionId), {
        jurorId: s.jurorId,
        submissionId: s.submissionId,
        values: s.values,
      });
      const teamId = this.entries.get(s.submissionId)?.teamId;
      if (!s.counts && teamId) this.conflicts.add(pair(s.jurorId, teamId));
    }
    this.ranking = new EditionRanking(this.input());
  }

  /** The inputs as they stand, for the engine (or, with other sheets, for `computeEdition`). */
  input(sheets: readonly RankSheet[] = [...this.sheets.values()]): EditionRankingInput {
    return {
      normalization: this.settings.normalization,
      criteria: this.criteria,
      entries: [...this.entries.values()],
      sheets,
      conflicts: [...this.conflicts].map((k) => {
        const [jurorId, teamId] = k.split('\u0000') as [string, string];
        return { jurorId, teamId };
      }),
    };
  }

  version(trackId: string | null): number {
    return this.versions.get(trackId ?? ALL_BOARD) ?? 0;
  }

  isConflicted(jurorId: string, teamId: string): boolean {
    return this.conflicts.has(pair(jurorId, teamId));
  }

  /**
   * Applies the next logged change: the engine's diffs, one `BoardChange` per board the change
   * raised (an empty diff still carries its version, keeping each board's versions contiguous).
   */
  apply(logged: LoggedChange): Applied {
    const diffs = this.applyChange(logged.change);
    const byTrack = new Map(diffs.map((d) => [d.trackId, d]));
    const keys = Object.keys(logged.versions).sort((a, b) =>
      a === ALL_BOARD ? -1 : b === ALL_BOARD ? 1 : a < b ? -1 : 1,
    );
    const boards: BoardChange[] = [];
    for (const key of keys) {
      const trackId = boardTrack(key);
      const version = logged.versions[key]!;
      this.versions.set(key, version);
      const diff = byTrack.get(trackId);
      byTrack.delete(trackId);
      boards.push({
        editionId: this.editionId,
        trackId,
        version,
        rows: diff?.rows ?? [],
        removed: diff?.removed ?? [],
      });
    }
    if (byTrack.size > 0) {
      // The recorder raises a superset of the boards a change can touch; this would be a bug there.
      throw new Error(
        `ranking: change ${logged.seq} of edition ${this.editionId} moved boards it did not version: ${[...byTrack.keys()].join(', ')}`,
      );
    }
    this.seq = logged.seq;
    return { boards, kind: logged.change.kind, at: logged.at.getTime() };
  }

  private applyChange(change: RankingChange): BoardDiff[] {
    switch (change.kind) {
      case 'sheet': {
        const { sheet } = change;
        if (!sheet) {
          this.sheets.delete(pair(change.jurorId, change.submissionId));
          return this.ranking.removeSheet(change.jurorId, change.submissionId);
        }
        return this.ranking.batch(() => this.putSheet(sheet));
      }
      case 'conflict': {
        const key = pair(change.jurorId, change.teamId);
        if (change.conflicted) {
          this.conflicts.add(key);
          return this.ranking.setConflict(change.jurorId, change.teamId);
        }
        this.conflicts.delete(key);
        return this.ranking.removeConflict(change.jurorId, change.teamId);
      }
      case 'project': {
        const { entry } = change;
        if (!entry) {
          this.entries.delete(change.submissionId);
          return this.ranking.removeEntry(change.submissionId);
        }
        return this.ranking.batch(() => {
          const rankEntry = toRankEntry(entry);
          this.entries.set(entry.submissionId, rankEntry);
          this.ranking.upsertEntry(rankEntry);
          for (const s of change.sheets) this.putSheet(s);
        });
      }
      case 'criteria':
        this.criteria = change.criteria;
        return this.ranking.setCriteria(change.criteria);
      case 'settings': {
        const before = this.settings.normalization;
        this.settings = change.settings;
        return before === change.settings.normalization
          ? []
          : this.ranking.setNormalization(change.settings.normalization);
      }
    }
  }

  /** Inside a batch: the sheet, and whether its juror is conflicted with the team, as recorded. */
  private putSheet(s: SheetRecord): void {
    const key = pair(s.jurorId, s.teamId);
    if (s.conflicted) {
      this.conflicts.add(key);
      this.ranking.setConflict(s.jurorId, s.teamId);
    } else if (this.conflicts.delete(key)) {
      this.ranking.removeConflict(s.jurorId, s.teamId);
    }
    const sheet = { jurorId: s.jurorId, submissionId: s.submissionId, values: s.values };
    this.sheets.set(pair(s.jurorId, s.submissionId), sheet);
    this.ranking.upsertSheet(sheet);
  }
}
