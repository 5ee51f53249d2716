import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Conflict, ConflictCreate, ConflictDeclared, JudgingChange, Page } from '@ca/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/current-user';
import { forbidden, notFound, validationFailed } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { JudgingEvents } from './judging-events';
import { hasSheet } from './judging.sql';

interface ConflictRow {
  id: string | null;
  edition_id: string;
  juror_id: string;
  juror_name: string;
  team_id: string;
  team_name: string;
  reason: string;
  declared_by: string | null;
  created_at: Date | null;
  implicit: boolean;
}

const toConflict = (r: ConflictRow): Conflict => ({
  id: r.id,
  editionId: r.edition_id,
  jurorId: r.juror_id,
  jurorName: r.juror_name,
  teamId: r.team_id,
  teamName: r.team_name,
  reason: r.reason,
  declaredBy: r.declared_by,
  createdAt: r.created_at ? new Date(r.created_at).toISOString() : null,
  implicit: r.implicit,
});

/** Declared conflicts, and the implicit ones of jurors who are members of a team, of an edition. */
const CONFLICTS_SQL = `
  SELECT c.id, c.edition_id, c.juror_id, u.name AS juror_name, c.team_id, t.name AS team_name,
         c.reason, c.declared_by, c.created_at, false AS implicit
    FROM conflicts c JOIN users u ON u.id = c.juror_id JOIN teams t ON t.id = c.team_id
   WHERE c.edition_id = $1 AND ($2::uuid IS NULL OR c.juror_id = $2)
  UNION ALL
  SELECT NULL, j.edition_id, j.user_id, u.name, tm.team_id, t.name,
         'Member of the team', NULL, NULL, true
    FROM jurors j
    JOIN team_members tm ON tm.user_id = j.user_id AND tm.edition_id = j.edition_id
    JOIN users u ON u.id = j.user_id JOIN teams t ON t.id = tm.team_id
   WHERE j.edition_id = $1 AND ($2::uuid IS NULL OR j.user_id = $2)
     AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.juror_id = j.user_id AND c.team_id = tm.team_id)
   ORDER BY juror_name, team_name`;

/**
 * Conflicts of interest (juror ↔ team). A conflicted juror is never assigned to the team and
 * cannot score it; declaring drops the juror's assignment to the team's project when it has no
 * sheet; a sheet saved before stays stored and counts nowhere (`counts: false`).
 */
@Injectable()
export class ConflictsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly events: JudgingEvents,
  ) {}

  /**
   * Jurors declare their own (`jurorId` omitted or their own id); organizers name the juror.
   * Declaring an existing conflict again changes nothing and answers it.
   */
  async declare(editionId: string, input: ConflictCreate, actor: AuthUser): Promise<ConflictDeclared> {
    const jurorId = input.jurorId ?? actor.id;
    if (jurorId !== actor.id && !actor.isOrganizer)
      throw forbidden('Only organizers declare a conflict for another juror');
    let change = null as JudgingChange | null;
    const result = await this.db.transaction(async (m) => {
      await this.assertJuror(m, editionId, jurorId, input.jurorId !== undefined);
      const [team]: { id: string; name: string }[] = await m.query(
        'SELECT id, name FROM teams WHERE id = $1 AND edition_id = $2',
        [input.teamId, editionId],
      );
      if (!team) throw validationFailed('teamId', 'not a team of this edition');
      const [inserted]: { id: string }[] = await m.query(
        `INSERT INTO conflicts (edition_id, juror_id, team_id, reason, declared_by, created_at)
         VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (juror_id, team_id) DO NOTHING
         RETURNING id`,
        [editionId, jurorId, team.id, input.reason, actor.id],
      );
      const [submission]: { id: string }[] = await m.query('SELECT id FROM submissions WHERE team_id = $1', [
        team.id,
      ]);
      if (!inserted) {
        const existing = await this.find(m, editionId, jurorId, team.id);
        return { ...existing, droppedAssignment: false, sheetNoLongerCounts: false };
      }
      let droppedAssignment = false;
      let sheetNoLongerCounts = false;
      if (submission) {
        // The assignment's row lock waits for a sheet being written for it; the sheet check after
        // it is a new statement and sees that sheet.
        const assigned: unknown[] = await m.query(
          'SELECT 1 FROM assignments WHERE juror_id = $1 AND submission_id = $2 FOR UPDATE',
          [jurorId, submission.id],
        );
        sheetNoLongerCounts = await hasSheet(m, jurorId, submission.id);
        if (assigned.length > 0 && !sheetNoLongerCounts) {
          await m.query('DELETE FROM assignments WHERE juror_id = $1 AND submission_id = $2', [
            jurorId,
            submission.id,
          ]);
          droppedAssignment = true;
        }
        await m.query(
          `UPDATE judging_flags SET status = 'dismissed', resolved_at = now(), resolved_by = $3,
                  note = 'Conflict of interest declared'
            WHERE juror_id = $1 AND submission_id = $2 AND status = 'open'`,
          [jurorId, submission.id, actor.id],
        );
      }
      const seq = await this.events.raise(m, editionId);
      await this.audit.record(m, {
        editionId,
        actorId: actor.id,
        action: 'conflict.declared',
        entity: 'conflict',
        entityId: inserted.id,
        before: null,
        after: { jurorId, teamId: team.id, reason: input.reason, droppedAssignment, sheetNoLongerCounts },
      });
      change = {
        editionId,
        seq,
        kind: 'conflict',
        submissionIds: submission ? [submission.id] : [],
        jurorId,
      };
      const conflict = await this.find(m, editionId, jurorId, team.id);
      return { ...conflict, droppedAssignment, sheetNoLongerCounts };
    });
    if (change) this.events.publish(change);
    return result;
  }

  /** Organizers withdraw a declared conflict (a mistake); the juror's sheet, if any, counts again. */
  async withdraw(editionId: string, conflictId: string, actor: AuthUser): Promise<void> {
    let change = null as JudgingChange | null;
    await this.db.transaction(async (m) => {
      const [row]: { juror_id: string; team_id: string; reason: string }[] = await m.query(
        'DELETE FROM conflicts WHERE id = $1 AND edition_id = $2 RETURNING juror_id, team_id, reason',
        [conflictId, editionId],
      );
      if (!row) throw notFound('Conflict');
      const seq = await this.events.raise(m, editionId);
      await this.audit.record(m, {
        editionId,
        actorId: actor.id,
        action: 'conflict.withdrawn',
        entity: 'conflict',
        entityId: conflictId,
        before: { jurorId: row.juror_id, teamId: row.team_id, reason: row.reason },
        after: null,
      });
      const subs: { id: string }[] = await m.query('SELECT id FROM submissions WHERE team_id = $1', [
        row.team_id,
      ]);
      change = {
        editionId,
        seq,
        kind: 'conflict',
        submissionIds: subs.map((s) => s.id),
        jurorId: row.juror_id,
      };
    });
    if (change) this.events.publish(change);
  }

  /** Every conflict of the edition (declared and implicit), by juror and team; organizers. */
  async list(editionId: string, jurorId: string | null = null): Promise<Page<Conflict>> {
    const rows: ConflictRow[] = await this.db.query(CONFLICTS_SQL, [editionId, jurorId]);
    return { items: rows.map(toConflict), nextCursor: null };
  }

  private async find(
    m: EntityManager,
    editionId: string,
    jurorId: string,
    teamId: string,
  ): Promise<Conflict> {
    const rows: ConflictRow[] = await m.query(CONFLICTS_SQL, [editionId, jurorId]);
    return toConflict(rows.find((r) => r.team_id === teamId && !r.implicit)!);
  }

  /** 400 naming `jurorId` unless the user is a juror of the edition. */
  private async assertJuror(
    m: EntityManager,
    editionId: string,
    userId: string,
    named: boolean,
  ): Promise<void> {
    const rows: unknown[] = await m.query('SELECT 1 FROM jurors WHERE edition_id = $1 AND user_id = $2', [
      editionId,
      userId,
    ]);
    if (rows.length === 0) {
      throw validationFailed(
        'jurorId',
        named ? 'not a juror of this edition' : 'required: you are not a juror of this edition',
      );
    }
  }
}
