import {
  SAVE_MERGE_GAP_MS,
  SAVE_MERGE_SPAN_MS,
  type Submission,
  type SubmissionContent,
  type SubmissionPut,
  type SubmissionVersion,
} from '@ca/shared';
import type { EntityManager } from 'typeorm';
import { DomainError, notFound } from '../../common/errors/domain-error';

/**
 * The SQL of the submissions module. Submissions are written with explicit SQL so that every
 * time rule is decided by the database's `now()` in the transaction that writes (never Node's
 * clock), and so that each save is one upsert plus one history row.
 */

/** A `submissions` row with the team's deadline (`SUBMISSION_SELECT`). */
export interface SubmissionRow {
  id: string;
  team_id: string;
  edition_id: string;
  track_id: string;
  title: string;
  tagline: string;
  description: string;
  repo_url: string;
  demo_url: string;
  video_url: string;
  tech_tags: string[];
  challenge_ids: string[];
  status: 'draft' | 'submitted';
  submitted_at: Date | null;
  version: number;
  updated_at: Date;
  disqualified_at: Date | null;
  disqualified_reason: string | null;
  deadline: Date;
}
/** A row as written (`RETURNING`), without the computed deadline. */
export type StoredRow = Omit<SubmissionRow, 'deadline'>;

/**
 * The team's own deadline: the edition's, or the team's extension when later (GREATEST ignores
 * a NULL extension).
 */
export const TEAM_DEADLINE_SQL = 'GREATEST(e.submission_deadline, t.extended_deadline)';

/** The columns of a `StoredRow`, for `RETURNING`. */
export const STORED_COLUMNS = `id, team_id, edition_id, track_id, title, tagline, description,
  repo_url, demo_url, video_url, tech_tags, challenge_ids, status, submitted_at, version,
  updated_at, disqualified_at, disqualified_reason`;

/** `s` with its team `t` and edition `e`; add WHERE, ORDER BY. */
export const SUBMISSION_SELECT = `
  SELECT s.id, s.team_id, s.edition_id, s.track_id, s.title, s.tagline, s.description,
         s.repo_url, s.demo_url, s.video_url, s.tech_tags, s.challenge_ids, s.status,
         s.submitted_at, s.version, s.updated_at, s.disqualified_at, s.disqualified_reason,
         ${TEAM_DEADLINE_SQL} AS deadline
    FROM submissions s
    JOIN teams t ON t.id = s.team_id
    JOIN editions e ON e.id = s.edition_id`;

/**
 * Runs an UPDATE … RETURNING and gives its rows (TypeORM answers `[rows, count]` for a bare
 * UPDATE; wrapped in a CTE the statement is a SELECT and answers the rows).
 */
export function updateReturning<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  return m.query(`WITH changed AS (${sql}) SELECT * FROM changed`, params);
}

export function toSubmission(r: SubmissionRow): Submission {
  return {
    id: r.id,
    teamId: r.team_id,
    trackId: r.track_id,
    title: r.title,
    tagline: r.tagline,
    description: r.description,
    repoUrl: r.repo_url,
    demoUrl: r.demo_url,
    videoUrl: r.video_url,
    techTags: r.tech_tags,
    challengeIds: r.challenge_ids,
    status: r.status,
    submittedAt: r.submitted_at ? r.submitted_at.toISOString() : null,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
    deadline: r.deadline.toISOString(),
    disqualified: r.disqualified_at !== null,
    disqualifiedReason: r.disqualified_reason,
  };
}

export function contentOf(r: StoredRow): SubmissionContent {
  return {
    title: r.title,
    tagline: r.tagline,
    description: r.description,
    repoUrl: r.repo_url,
    demoUrl: r.demo_url,
    videoUrl: r.video_url,
    techTags: r.tech_tags,
    challengeIds: r.challenge_ids,
  };
}

/** Whether a save would store exactly what is stored (a retried save whose answer was lost). */
export function sameContent(r: StoredRow, input: SubmissionPut): boolean {
  const stored = contentOf(r);
  const keys = Object.keys(stored) as (keyof SubmissionContent)[];
  return keys.every((k) => JSON.stringify(stored[k]) === JSON.stringify(input[k]));
}

export async function findSubmission(
  m: EntityManager,
  by: { teamId: string } | { id: string },
): Promise<SubmissionRow | null> {
  const [column, value] = 'teamId' in by ? ['s.team_id', by.teamId] : ['s.id', by.id];
  const rows: SubmissionRow[] = await m.query(`${SUBMISSION_SELECT} WHERE ${column} = $1`, [value]);
  return rows[0] ?? null;
}

/** What a write needs to know about the team, read with the team's row locked. */
export interface LockedTeam {
  teamId: string;
  editionId: string;
  trackId: string;
  extendedDeadline: Date | null;
  submissionDeadline: Date;
  judgingEndsAt: Date;
  deadline: Date;
  /** `now()` of this transaction is before the edition's hackingStartsAt. */
  beforeHacking: boolean;
  /** `now()` of this transaction is at or after the team's deadline. */
  deadlinePassed: boolean;
}

/**
 * Locks the team's row for the rest of the transaction and reads its deadline, compared with the
 * database's `now()` of this same transaction. Every write to a team's submission (saves, submits,
 * extensions, disqualifications) takes this lock first, so they are serialised per team and a
 * decision cannot be overtaken by a concurrent change of the same team. `now()` is the
 * transaction's start, so a write is judged by when it arrived, and the `submitted_at` and
 * `updated_at` it stores (also `now()`) are never later than the deadline it was checked against.
 * NO KEY UPDATE: conflicts with other writers of the team's row but not with inserts that reference
 * it. The edition's row is share-locked so that its timeline cannot change under the decision: a
 * concurrent timeline change is waited for, and the decision then uses the new deadline.
 */
export async function lockTeam(m: EntityManager, teamId: string): Promise<LockedTeam> {
  const rows: {
    team_id: string;
    edition_id: string;
    track_id: string;
    extended_deadline: Date | null;
    submission_deadline: Date;
    judging_ends_at: Date;
    deadline: Date;
    before_hacking: boolean;
    deadline_passed: boolean;
  }[] = await m.query(
    `SELECT t.id AS team_id, t.edition_id, t.track_id, t.extended_deadline,
            e.submission_deadline, e.judging_ends_at,
            ${TEAM_DEADLINE_SQL} AS deadline,
            now() < e.hacking_starts_at AS before_hacking,
            now() >= ${TEAM_DEADLINE_SQL} AS deadline_passed
       FROM teams t
       JOIN editions e ON e.id = t.edition_id
      WHERE t.id = $1
        FOR NO KEY UPDATE OF t
        FOR SHARE OF e`,
    [teamId],
  );
  const r = rows[0];
  if (!r) throw notFound('Team');
  return {
    teamId: r.team_id,
    editionId: r.edition_id,
    trackId: r.track_id,
    extendedDeadline: r.extended_deadline,
    submissionDeadline: r.submission_deadline,
    judgingEndsAt: r.judging_ends_at,
    deadline: r.deadline,
    beforeHacking: r.before_hacking,
    deadlinePassed: r.deadline_passed,
  };
}

/** Saving, submitting and unsubmitting: refused when disqualified or outside the team's window. */
export function assertWritable(team: LockedTeam, current: SubmissionRow | null): void {
  if (current?.disqualified_at) {
    // 403: nobody may change it any more (the submission itself says why: `disqualifiedReason`).
    throw new DomainError(
      'FORBIDDEN',
      `This submission was disqualified (${current.disqualified_reason ?? ''}); it can no longer be changed`,
    );
  }
  if (team.beforeHacking) {
    throw new DomainError('PHASE_CLOSED', 'Submissions open when hacking starts');
  }
  if (team.deadlinePassed) {
    throw new DomainError(
      'DEADLINE_PASSED',
      `The team's deadline (${team.deadline.toISOString()}) has passed; the submission is read-only`,
    );
  }
}

/** 400 naming `challengeIds` unless every id is a challenge of the track. */
export async function assertChallengesOfTrack(
  m: EntityManager,
  trackId: string,
  challengeIds: string[],
): Promise<void> {
  if (challengeIds.length === 0) return;
  // Read here rather than through EditionsService: it must run in this transaction.
  const rows: { id: string }[] = await m.query(
    'SELECT id FROM challenges WHERE track_id = $1 AND id = ANY($2::uuid[])',
    [trackId, challengeIds],
  );
  const known = new Set(rows.map((r) => r.id));
  const unknown = challengeIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `challengeIds: not challenges of the team's track: ${unknown.join(', ')}`,
    );
  }
}

/**
 * Records a change in the history; `row` is the state after it. A save merges into the latest
 * entry when that entry is a save by the same person, less than SAVE_MERGE_GAP_MS after its last
 * save and SAVE_MERGE_SPAN_MS after its first (autosave makes one entry, not hundreds): the entry
 * moves to the new version and snapshot and counts one more save. Submits and unsubmits always
 * append an entry of their own. Callers hold the team's row lock (`lockTeam`), so the latest
 * entry cannot change between the two statements; times are the database's `now()`.
 */
export async function recordVersion(
  m: EntityManager,
  row: StoredRow,
  action: SubmissionVersion['action'],
  authorId: string,
): Promise<void> {
  const snapshot: SubmissionVersion['snapshot'] = {
    ...contentOf(row),
    trackId: row.track_id,
    status: row.status,
  };
  if (action === 'save') {
    // Wrapped in a CTE, the UPDATE … RETURNING comes back as plain rows.
    const merged: { version: number }[] = await m.query(
      `WITH merged AS (
       UPDATE submission_versions v
          SET version = $2, snapshot = $3::jsonb, created_at = now(), saves = v.saves + 1
        WHERE v.submission_id = $1
          AND v.version = (SELECT max(version) FROM submission_versions WHERE submission_id = $1)
          AND v.action = 'save' AND v.author_id = $4
          AND v.created_at > now() - make_interval(secs => $5::double precision / 1000)
          AND v.started_at > now() - make_interval(secs => $6::double precision / 1000)
       RETURNING v.version)
       SELECT version FROM merged`,
      [row.id, row.version, JSON.stringify(snapshot), authorId, SAVE_MERGE_GAP_MS, SAVE_MERGE_SPAN_MS],
    );
    if (merged.length > 0) return;
  }
  await m.query(
    `INSERT INTO submission_versions
       (submission_id, version, first_version, saves, action, snapshot, author_id, created_at, started_at)
     VALUES ($1, $2, $2, 1, $3, $4::jsonb, $5, now(), now())`,
    [row.id, row.version, action, JSON.stringify(snapshot), authorId],
  );
}
