/**
 * What the ranking change log records (`ranking_changes.change`): each change as it stood when its
 * transaction committed, so that every instance, applying the log in order, reaches the same
 * state at the same sequence number, whatever happened afterwards. Stored as JSON; never on the wire.
 */
import type { LeaderboardVisibility, Normalization } from '@ca/shared';
import type { RankCriterion } from './engine';

/** A stored sheet as the boards see it; `conflicted`: its juror is conflicted with the team (it counts nowhere). */
export interface SheetRecord {
  jurorId: string;
  submissionId: string;
  teamId: string;
  values: Record<string, number>;
  conflicted: boolean;
}

/** A submitted project (a `RankEntry` with its submission time as an ISO string). */
export interface EntryRecord {
  submissionId: string;
  teamId: string;
  teamName: string;
  trackId: string;
  title: string;
  submittedAt: string;
  disqualified: boolean;
}

/** The edition's settings that decide who sees what (rule 7) and how projects are ranked. */
export interface RankingSettings {
  published: boolean;
  normalization: Normalization;
  leaderboardVisibility: LeaderboardVisibility;
  leaderboardFreezeAt: string | null;
  /** When an organizer set `leaderboardFreezeAt` (null for a freeze set before this was recorded). */
  leaderboardFreezeSetAt: string | null;
  resultsPublishedAt: string | null;
  shareJurorComments: boolean;
}

export type RankingChange =
  /** A juror's sheet of a project was saved or replaced (`sheet` null: there is none any more). */
  | { kind: 'sheet'; jurorId: string; submissionId: string; sheet: SheetRecord | null }
  /** A conflict between a juror and a team was declared or withdrawn. */
  | { kind: 'conflict'; jurorId: string; teamId: string; conflicted: boolean }
  /**
   * A project changed (submitted, unsubmitted, disqualified, reinstated, retitled, its team renamed or
   * moved): `entry` null when it takes no part any more (not submitted, deleted); `sheets` all its sheets.
   */
  | { kind: 'project'; submissionId: string; entry: EntryRecord | null; sheets: SheetRecord[] }
  /** The criteria were replaced. */
  | { kind: 'criteria'; criteria: RankCriterion[] }
  /** The edition's ranking settings changed (visibility, freeze, publication, normalization…). */
  | { kind: 'settings'; settings: RankingSettings };

/** The key of the whole edition's board in `ranking_boards` and in a change's `versions`. */
export const ALL_BOARD = 'all';
export const boardKey = (trackId: string | null): string => trackId ?? ALL_BOARD;
export const boardTrack = (key: string): string | null => (key === ALL_BOARD ? null : key);

/** The PostgreSQL channel on which a committed change is announced (payload: the edition id). */
export const RANKING_CHANNEL = 'ca_ranking';
