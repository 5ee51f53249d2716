import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { conflictedSql } from '../judging/judging.sql';
import type { RankCriterion } from './engine';
import {
  ALL_BOARD,
  RANKING_CHANNEL,
  type EntryRecord,
  type RankingChange,
  type RankingSettings,
  type SheetRecord,
} from './ranking-change';

interface SheetRow {
  juror_id: string;
  submission_id: string;
  team_id: string;
  values: Record<string, number>;
  conflicted: boolean;
}

const SHEETS_SQL = `
  SELECT sh.juror_id, sh.submission_id, s.team_id, sh.values, ${conflictedSql('sh.juror_id', 's.team_id')} AS conflicted
    FROM score_sheets sh JOIN submissions s ON s.id = sh.submission_id`;

/**
 * SQL (edition `$1`, juror `$2`): with z-scores, the tracks of all that juror's sheets — one of
 * them moving the juror's statistics moves every project the juror scored; with the juror-effects
 * model (fitted on the whole edition), every track of the edition.
 */
const JUROR_TRACKS = `
  SELECT s.track_id FROM score_sheets sh JOIN submissions s ON s.id = sh.submission_id
   WHERE sh.juror_id = $2 AND sh.edition_id = $1
     AND (SELECT normalization = 'zscore' FROM editions WHERE id = $1)
  UNION SELECT s.track_id FROM submissions s
   WHERE s.edition_id = $1 AND (SELECT normalization = 'model' FROM editions WHERE id = $1)`;

const toSheet = (r: SheetRow): SheetRecord => ({
  jurorId: r.juror_id,
  submissionId: r.submission_id,
  teamId: r.team_id,
  values: r.values,
  conflicted: r.conflicted,
});

/**
 * Records ranking changes in the writer's transaction (the one that changes a sheet, a conflict, a
 * project, a team, the criteria or the edition's settings). Each record:
 * 1. raises the edition's ranking sequence (`ranking_sequences`), whose row lock serialises the
 *    edition's recorders until they commit: sequence order is commit order, and every read below
 *    sees every change recorded before;
 * 2. reads what changed as it stands now (the writer's own writes included);
 * 3. raises the version of every board the change can touch (the whole edition's board always; a
 *    sheet's track, and under z-scores the tracks of all that juror's sheets; every track for a
 *    project, the criteria or the normalization) and stores the change with those versions;
 * 4. `NOTIFY`s the edition on `ca_ranking`, which PostgreSQL delivers to every listening instance
 *    when (and only if) the transaction commits.
 *
 * CALL IT LAST in the transaction: a recorder then holds the sequence lock only while it commits
 * and never waits for another lock meanwhile, so it can take part in no deadlock.
 *
 * It depends on nothing but the caller's manager (RankingCoreModule has no imports), so that the
 * judging, submissions, teams and editions modules can call it.
 */
@Injectable()
export class RankingLog {
  /** Per open transaction of this instance, the highest sequence it recorded per edition. */
  private readonly open = new WeakMap<QueryRunner, Map<string, number>>();
  /** Per edition, the highest sequence a transaction of this instance committed. */
  private readonly committed = new Map<string, number>();

  constructor(@InjectDataSource() db: DataSource) {
    // TypeORM tells subscribers of each COMMIT and ROLLBACK (also of savepoints: only the outer
    // one counts), awaited before the transaction's promise resolves, so before the writer answers.
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: (e: TransactionCommitEvent) => this.closed(e.queryRunner, true),
      afterTransactionRollback: (e: TransactionRollbackEvent) => this.closed(e.queryRunner, false),
    };
    db.subscribers.push(subscriber);
  }

  /**
   * The highest change sequence of `editionId` that a transaction of this instance committed (0
   * when none): a state at this sequence or later holds every change this instance's writers have
   * answered for (RankingStore serves reads from memory then; the other instances' changes arrive
   * by NOTIFY).
   */
  committedSeq(editionId: string): number {
    return this.committed.get(editionId) ?? 0;
  }

  /**
   * The log read after the commit that raised `committedSeq` to `seq` ended below it: that change
   * was rolled back in a savepoint, so waiting for it is pointless.
   */
  forgetCommitted(editionId: string, seq: number): void {
    if (this.committed.get(editionId) === seq) this.committed.delete(editionId);
  }

  private closed(runner: QueryRunner | undefined, committed: boolean): void {
    if (!runner || runner.isTransactionActive) return; // a savepoint: the transaction goes on
    const recorded = this.open.get(runner);
    if (!recorded) return;
    this.open.delete(runner);
    if (!committed) return;
    for (const [editionId, seq] of recorded)
      if (seq > this.committedSeq(editionId)) this.committed.set(editionId, seq);
  }

  private opened(m: EntityManager, editionId: string, seq: number): void {
    const runner = m.queryRunner;
    if (!runner?.isTransactionActive) {
      // Not in a transaction: the statement committed by itself.
      if (seq > this.committedSeq(editionId)) this.committed.set(editionId, seq);
      return;
    }
    let recorded = this.open.get(runner);
    if (!recorded) this.open.set(runner, (recorded = new Map()));
    recorded.set(editionId, Math.max(seq, recorded.get(editionId) ?? 0));
  }

  /** A juror's sheet of a submission was saved or replaced. */
  async sheetChanged(
    m: EntityManager,
    editionId: string,
    jurorId: string,
    submissionId: string,
  ): Promise<void> {
    const seq = await this.raise(m, editionId);
    // One round trip after the lock: the sheet as it now stands and the tracks of the boards it can
    // move are read, the boards' versions raised and the change stored and notified, as `append`
    // does (the change's JSON is the one `append` would store: kind, jurorId, submissionId, sheet).
    await m.query(
      `WITH sheet AS (
         SELECT json_build_object('jurorId', sh.juror_id, 'submissionId', sh.submission_id, 'teamId', s.team_id,
                                  'values', sh.values, 'conflicted', ${conflictedSql('sh.juror_id', 's.team_id')}) AS j
           FROM score_sheets sh JOIN submissions s ON s.id = sh.submission_id
          WHERE sh.juror_id = $2 AND sh.submission_id = $3
       ), tracks AS (
         SELECT track_id FROM submissions WHERE id = $3 UNION ${JUROR_TRACKS}
       ), bumped AS (
         INSERT INTO ranking_boards (edition_id, board, version)
         SELECT $1, b, 1 FROM (SELECT '${ALL_BOARD}'::text AS b UNION SELECT track_id::text FROM tracks) boards
         ON CONFLICT (edition_id, board) DO UPDATE SET version = ranking_boards.version + 1
         RETURNING board, version
       ), logged AS (
         INSERT INTO ranking_changes (edition_id, seq, change, versions, at)
         SELECT $1, $4,
                jsonb_build_object('kind', 'sheet', 'jurorId', $2::uuid, 'submissionId', $3::uuid,
                                   'sheet', (SELECT j FROM sheet)),
                coalesce(jsonb_object_agg(board, version), '{}'::jsonb), now() FROM bumped
         RETURNING seq
       )
       SELECT pg_notify('${RANKING_CHANNEL}', $1::text) FROM logged`,
      [editionId, jurorId, submissionId, seq],
    );
  }

  /** A conflict between a juror and a team was declared or withdrawn. */
  async conflictChanged(m: EntityManager, editionId: string, jurorId: string, teamId: string): Promise<void> {
    const seq = await this.raise(m, editionId);
    const [row]: { conflicted: boolean; tracks: string[] }[] = await m.query(
      `SELECT ${conflictedSql('$2::uuid', '$3::uuid')} AS conflicted,
              ARRAY(SELECT track_id FROM submissions WHERE team_id = $3 UNION ${JUROR_TRACKS})::text[] AS tracks`,
      [editionId, jurorId, teamId],
    );
    await this.append(m, editionId, seq, row!.tracks, {
      kind: 'conflict',
      jurorId,
      teamId,
      conflicted: row!.conflicted,
    });
  }

  /**
   * A project changed in a way the boards show or that decides whether it takes part: submitted,
   * unsubmitted, disqualified, reinstated, retitled, moved to another track.
   */
  async projectChanged(m: EntityManager, submissionId: string): Promise<void> {
    const [found]: { edition_id: string }[] = await m.query(
      'SELECT edition_id FROM submissions WHERE id = $1',
      [submissionId],
    );
    if (!found) return;
    await this.recordProject(m, found.edition_id, submissionId);
  }

  /**
   * A team was renamed or moved: its project's rows change. Nothing to record unless the project
   * is submitted (a draft is on no board, and its submission is recorded when it happens).
   */
  async teamChanged(m: EntityManager, teamId: string): Promise<void> {
    const rows: { id: string; edition_id: string }[] = await m.query(
      "SELECT id, edition_id FROM submissions WHERE team_id = $1 AND status = 'submitted'",
      [teamId],
    );
    for (const r of rows) await this.recordProject(m, r.edition_id, r.id);
  }

  /** The edition's criteria were replaced. */
  async criteriaChanged(m: EntityManager, editionId: string): Promise<void> {
    const seq = await this.raise(m, editionId);
    const criteria: RankCriterion[] = await m.query(
      `SELECT id, weight, scale_min AS min, scale_max AS max, position AS "order"
         FROM criteria WHERE edition_id = $1 ORDER BY position`,
      [editionId],
    );
    await this.append(m, editionId, seq, await this.allTracks(m, editionId), { kind: 'criteria', criteria });
  }

  /**
   * The edition's ranking settings changed (the editions module passes them as they now are). A
   * new normalization touches every board; the other settings change no board, only who sees it.
   */
  async settingsChanged(
    m: EntityManager,
    editionId: string,
    settings: RankingSettings,
    normalizationChanged: boolean,
  ): Promise<void> {
    const seq = await this.raise(m, editionId);
    const tracks = normalizationChanged ? await this.allTracks(m, editionId) : null;
    await this.append(m, editionId, seq, tracks, { kind: 'settings', settings });
  }

  private async recordProject(m: EntityManager, editionId: string, submissionId: string): Promise<void> {
    const seq = await this.raise(m, editionId);
    const [row]: {
      team_id: string;
      team_name: string;
      track_id: string;
      title: string;
      submitted_at: Date | null;
      status: string;
      disqualified: boolean;
    }[] = await m.query(
      `SELECT s.team_id, t.name AS team_name, s.track_id, s.title, s.submitted_at, s.status,
              s.disqualified_at IS NOT NULL AS disqualified
         FROM submissions s JOIN teams t ON t.id = s.team_id
        WHERE s.id = $1`,
      [submissionId],
    );
    const entry: EntryRecord | null =
      row && row.status === 'submitted' && row.submitted_at
        ? {
            submissionId,
            teamId: row.team_id,
            teamName: row.team_name,
            trackId: row.track_id,
            title: row.title,
            submittedAt: new Date(row.submitted_at).toISOString(),
            disqualified: row.disqualified,
          }
        : null;
    const sheets: SheetRow[] = entry
      ? await m.query(`${SHEETS_SQL} WHERE sh.submission_id = $1 ORDER BY sh.juror_id`, [submissionId])
      : [];
    await this.append(m, editionId, seq, await this.allTracks(m, editionId), {
      kind: 'project',
      submissionId,
      entry,
      sheets: sheets.map(toSheet),
    });
  }

  /** Raises the edition's ranking sequence (taking its row lock until commit); answers the new value. */
  private async raise(m: EntityManager, editionId: string): Promise<number> {
    const rows: { seq: string }[] = await m.query(
      `INSERT INTO ranking_sequences (edition_id, seq) VALUES ($1, 1)
       ON CONFLICT (edition_id) DO UPDATE SET seq = ranking_sequences.seq + 1
       RETURNING seq`,
      [editionId],
    );
    const seq = Number(rows[0]!.seq);
    this.opened(m, editionId, seq);
    return seq;
  }

  private async allTracks(m: EntityManager, editionId: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query('SELECT id FROM tracks WHERE edition_id = $1', [editionId]);
    return rows.map((r) => r.id);
  }

  /**
   * Raises the boards' versions (the whole edition's board with any track; none for `null`),
   * stores the change with them and notifies the other instances, in one statement.
   */
  private async append(
    m: EntityManager,
    editionId: string,
    seq: number,
    tracks: string[] | null,
    change: RankingChange,
  ): Promise<void> {
    const boards = tracks === null ? [] : [ALL_BOARD, ...new Set(tracks)];
    await m.query(
      `WITH bumped AS (
         INSERT INTO ranking_boards (edition_id, board, version)
         SELECT $1, b, 1 FROM unnest($3::text[]) AS b
         ON CONFLICT (edition_id, board) DO UPDATE SET version = ranking_boards.version + 1
         RETURNING board, version
       ), logged AS (
         INSERT INTO ranking_changes (edition_id, seq, change, versions, at)
         SELECT $1, $2, $4::jsonb, coalesce(jsonb_object_agg(board, version), '{}'::jsonb), now() FROM bumped
         RETURNING seq
       )
       SELECT pg_notify('${RANKING_CHANNEL}', $1::text) FROM logged`,
      [editionId, seq, boards, JSON.stringify(change)],
    );
  }
}
