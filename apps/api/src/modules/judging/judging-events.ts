import { Injectable } from '@nestjs/common';
import type { JudgingChange } from '@ca/shared';
import { Subject, type Observable } from 'rxjs';
import type { EntityManager } from 'typeorm';

/**
 * The edition's judging change sequence and the in-process events that follow it.
 *
 * Every transaction that changes what the boards are computed from (a sheet, a conflict, a
 * disqualification, an assignment) calls `raise` inside the transaction: it raises the edition's
 * row of `judging_sequences` and answers the new value (stored on a saved sheet). The row lock it
 * takes serialises these writers per edition until commit, so sequence order is commit order.
 * After the commit the writer calls `publish`; subscribers (coverage, the ranking module) get
 * `{ editionId, seq, kind, submissionIds, jurorId }` and re-read what they need. An event is a
 * notification, never data: a subscriber that missed one re-reads a snapshot (`seq` tells it
 * whether the snapshot is newer).
 */
@Injectable()
export class JudgingEvents {
  private readonly subject = new Subject<JudgingChange>();
  /** Changes, after their transaction committed, in the order they were published. */
  readonly changes$: Observable<JudgingChange> = this.subject.asObservable();

  /** Raises the edition's sequence in `manager`'s transaction; answers the new value. */
  async raise(manager: EntityManager, editionId: string): Promise<number> {
    const rows: { seq: string }[] = await manager.query(
      `INSERT INTO judging_sequences (edition_id, seq) VALUES ($1, 1)
       ON CONFLICT (edition_id) DO UPDATE SET seq = judging_sequences.seq + 1
       RETURNING seq`,
      [editionId],
    );
    return Number(rows[0]!.seq);
  }

  /** The edition's current sequence (0 before any change). */
  async current(manager: EntityManager, editionId: string): Promise<number> {
    const rows: { seq: string }[] = await manager.query(
      'SELECT seq FROM judging_sequences WHERE edition_id = $1',
      [editionId],
    );
    return rows[0] ? Number(rows[0].seq) : 0;
  }

  /**
   * Call after the commit. Subscribers run synchronously here and must not throw (RxJS reports
   * an error thrown in a subscriber as an uncaught exception): start async work and catch it.
   */
  publish(change: JudgingChange): void {
    this.subject.next(change);
  }
}
