import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JudgingChange, SecondRoundRequest, SecondRoundSummary } from '@ca/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/current-user';
import { AuditService } from '../audit/audit.service';
import { EditionsService } from '../editions/editions.service';
import { NotificationsService } from '../mail/notifications.service';
import { computeEdition, type CountingSheet } from '../ranking/engine';
import { conflictKey, readAssignmentState } from './assignment-state';
import { JudgingEvents } from './judging-events';
import { JudgingReadService } from './judging-read.service';
import { lockAssignments } from './judging.sql';
import { secondRound, sheetNoise } from './second-round';

/**
 * The organizer's second judging round (issue 14): the edition's whole board as it stands (the
 * edition's normalization, counting sheets only), one sheet's noise from the same sheets
 * (`sheetNoise`), the uncertain projects near the top `top` (`secondRound`, interval of one standard
 * error) and k more jurors each, inserted as automatic assignments in one transaction; each juror
 * given projects is mailed "your projects to judge are ready" after the commit.
 */
@Injectable()
export class SecondRoundService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly editions: EditionsService,
    private readonly read: JudgingReadService,
    private readonly audit: AuditService,
    private readonly events: JudgingEvents,
    private readonly notifications: NotificationsService,
  ) {}

  async run(editionId: string, input: SecondRoundRequest, actor: AuthUser): Promise<SecondRoundSummary> {
    await this.editions.entity(editionId, { includeDrafts: true });
    let change = null as JudgingChange | null;
    const summary = await this.db.transaction(async (m) => {
      await lockAssignments(m, editionId);
      const state = await readAssignmentState(m, editionId);
      const snapshot = await this.read.snapshot(editionId, m);
      const counting = snapshot.sheets.filter((s) => s.counts);
      const board = computeEdition({
        normalization: snapshot.normalization,
        criteria: snapshot.criteria,
        entries: snapshot.projects.map((p) => ({ ...p, submittedAt: Date.parse(p.submittedAt) })),
        sheets: counting,
        conflicts: [],
      }).get(null)!;
      const teamOf = new Map(snapshot.projects.map((p) => [p.submissionId, p.teamId]));
      const scored: CountingSheet[] = counting
        .filter((s) => board.some((r) => r.submissionId === s.submissionId && r.rank !== null))
        .map((s) => ({ jurorId: s.jurorId, submissionId: s.submissionId, score: s.score }));
      const noiseSd = sheetNoise(snapshot.normalization, scored);
      const plan = secondRound({
        rows: board
          .filter((r) => r.rank !== null)
          .map((r) => ({
            submissionId: r.submissionId,
            teamId: teamOf.get(r.submissionId)!,
            trackId: r.trackId,
            normalized: r.normalized ?? 0,
            sheets: r.sheets,
          })),
        top: input.top,
        k: input.k,
        noiseSd,
        jurors: state.jurors,
        assignments: state.existing,
        conflicted: (jurorId, teamId) => state.conflicts.has(conflictKey(jurorId, teamId)),
      });
      if (plan.added.length > 0) {
        await m.query(
          `INSERT INTO assignments (edition_id, juror_id, submission_id, source, created_at)
           SELECT $1, r.juror_id, r.submission_id, 'auto', now()
             FROM unnest($2::uuid[], $3::uuid[]) AS r(juror_id, submission_id)`,
          [editionId, plan.added.map((a) => a.jurorId), plan.added.map((a) => a.submissionId)],
        );
        const seq = await this.events.raise(m, editionId);
        await this.audit.record(m, {
          editionId,
          actorId: actor.id,
          action: 'assignments.second_round',
          entity: 'edition',
          entityId: editionId,
          before: null,
          after: { k: input.k, top: input.top, uncertain: plan.uncertain, added: plan.added.length },
        });
        const touched = [...new Set(plan.added.map((a) => a.submissionId))];
        change = { editionId, seq, kind: 'assignment', submissionIds: touched, jurorId: null };
      }
      return {
        editionId,
        k: input.k,
        top: input.top,
        noiseSd,
        uncertain: plan.uncertain,
        added: plan.added,
        short: plan.short.map((s) => s.submissionId),
      };
    });
    if (change) {
      this.events.publish(change);
      // The jurors given more projects are told, as after an automatic run (issue 13).
      await this.notifications.assignmentsReady(
        editionId,
        summary.added.map((a) => a.jurorId),
        change.seq,
      );
    }
    return summary;
  }
}
