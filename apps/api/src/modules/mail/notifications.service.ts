import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NOTIFICATION_TOPIC_OF, localize, type Language } from '@ca/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/env';
import { MailService } from './mail.service';
import { formatDeadline, noticeText, type NoticeFacts, type NoticeKind } from './notification-texts';

/** A person a notification may go to (the documented read of `users` by the mail module). */
interface Recipient {
  id: string;
  email: string;
  name: string;
  language: Language;
  notify_join_requests: boolean;
  notify_deadline_reminders: boolean;
  notify_results: boolean;
}

const TOPIC_COLUMN = {
  joinRequests: 'notify_join_requests',
  deadlineReminders: 'notify_deadline_reminders',
  results: 'notify_results',
} as const;

export interface Notice {
  kind: NoticeKind;
  editionId: string;
  /** What it is about: with `editionId` and `kind`, the key that lets it go out once. */
  subjectId: string;
  recipientIds: string[];
  /** The facts of the text, for a recipient's language (the edition's name is added). */
  facts: (lang: Language) => Omit<NoticeFacts, 'name' | 'edition' | 'link'> & { path: string };
}

/**
 * A uuid that names `parts` (the first 16 bytes of their SHA-256, laid out as an RFC 9562
 * version 8 uuid): the subject of a notification whose key is more than one row's id, in the
 * uuid column of `notifications_sent`. The same parts give the same uuid on every instance.
 */
export function derivedSubject(...parts: string[]): string {
  const b = createHash('sha256').update(parts.join('\u0000')).digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x80;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** What a join request's notification needs (given by the teams module, which owns requests). */
export interface JoinRequestNotice {
  editionId: string;
  requestId: string;
  requestKind: 'request' | 'invitation';
  teamName: string;
  /** The person asking (request) or invited (invitation). */
  personName: string;
  recipientId: string;
  /** Set for the answer. */
  answer?: 'accepted' | 'declined';
}

/**
 * Notifications by mail (issue 13), each in its reader's language (`users.language`), through
 * MailService (SMTP, else the outbox). Each goes out once: its key (edition, subject, kind) is
 * inserted into `notifications_sent` in the transaction that writes its outbox rows, so that a
 * second attempt (another API instance, a repeated scan, an action repeated) finds the key and
 * sends nothing. Optional kinds (NOTIFICATION_TOPIC_OF) skip those who turned them off;
 * disabled and deleted accounts get nothing. Never throws: a notification that failed is logged.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('Notifications');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
  ) {}

  private link(path: string): string {
    return `${this.config.publicUrl.replace(/\/$/, '')}${path}`;
  }

  /** Sends `notice` unless it went out already; the number of people mailed (0 when it had). */
  async send(notice: Notice): Promise<number> {
    try {
      return await this.db.transaction((m) => this.sendIn(m, notice));
    } catch (err) {
      this.logger.error(
        `The ${notice.kind} notification of ${notice.subjectId} (edition ${notice.editionId}) was not sent: ${String(err)}`,
      );
      return 0;
    }
  }

  private async sendIn(m: EntityManager, notice: Notice): Promise<number> {
    // The key first: a concurrent transaction with the same key waits here until this one ends,
    // then inserts nothing.
    const claimed: unknown[] = await m.query(
      `INSERT INTO notifications_sent (edition_id, subject_id, kind, recipients) VALUES ($1, $2, $3, 0)
       ON CONFLICT DO NOTHING RETURNING kind`,
      [notice.editionId, notice.subjectId, notice.kind],
    );
    if (claimed.length === 0) return 0;
    const topic = NOTIFICATION_TOPIC_OF[notice.kind];
    const recipients: Recipient[] = await m.query(
      `SELECT id, email, name, language, notify_join_requests, notify_deadline_reminders, notify_results
         FROM users WHERE id = ANY($1::uuid[]) AND disabled_at IS NULL ORDER BY id`,
      [[...new Set(notice.recipientIds)]],
    );
    const [edition]: { slug: string; name: string; name_ro: string }[] = await m.query(
      `SELECT slug, name, name_ro FROM editions WHERE id = $1`,
      [notice.editionId],
    );
    if (!edition) return 0;
    let sent = 0;
    for (const r of recipients) {
      if (topic && !r[TOPIC_COLUMN[topic]]) continue;
      const { path, ...facts } = notice.facts(r.language);
      const { subject, text } = noticeText(
        notice.kind,
        r.language,
        {
          ...facts,
          name: r.name,
          edition: localize({ en: edition.name, ro: edition.name_ro }, r.language),
          link: this.link(path.replace(':slug', encodeURIComponent(edition.slug))),
        },
        topic !== undefined,
      );
      await this.mail.send({ to: r.email, subject, text, kind: notice.kind, editionId: notice.editionId }, m);
      sent++;
    }
    await m.query(
      `UPDATE notifications_sent SET recipients = $4 WHERE edition_id = $1 AND subject_id = $2 AND kind = $3`,
      [notice.editionId, notice.subjectId, notice.kind, sent],
    );
    return sent;
  }

  /** A join request (to the captain) or team invitation (to the person), or its answer (to the sender). */
  joinRequest(n: JoinRequestNotice): Promise<number> {
    return this.send({
      kind: n.answer ? 'join_request_answer' : 'join_request',
      editionId: n.editionId,
      subjectId: n.requestId,
      recipientIds: [n.recipientId],
      facts: () => ({
        team: n.teamName,
        other: n.personName,
        requestKind: n.requestKind,
        answer: n.answer,
        path: '/editions/:slug/team',
      }),
    });
  }

  /**
   * "Your projects to judge are ready", to each juror who got new assignments in one assignment
   * run (automatic, by hand, second round), once per juror and run. `run` is the edition's judging
   * change sequence the run's transaction raised (JudgingEvents.raise): unique per committed run,
   * the same on every instance, so the key (juror, run) lets a later run that gives the juror
   * more projects mail them again while the same run never mails twice. (A count of the juror's
   * assignments would not do: after a removal and an addition it repeats an earlier value.)
   */
  async assignmentsReady(editionId: string, jurorIds: string[], run: number): Promise<void> {
    for (const jurorId of new Set(jurorIds)) {
      await this.send({
        kind: 'assignments_ready',
        editionId,
        subjectId: derivedSubject('assignments_ready', jurorId, String(run)),
        recipientIds: [jurorId],
        facts: () => ({ path: '/jury/:slug' }),
      });
    }
  }

  /** The draft reminder of one team (`kind` says which), to its members. */
  deadlineReminder(
    kind: 'deadline_reminder_24h' | 'deadline_reminder_1h',
    editionId: string,
    team: { id: string; name: string; memberIds: string[]; deadline: Date },
  ): Promise<number> {
    return this.send({
      kind,
      editionId,
      subjectId: team.id,
      recipientIds: team.memberIds,
      facts: (lang) => ({
        team: team.name,
        deadline: formatDeadline(team.deadline, lang),
        path: `/teams/${team.id}/submission`,
      }),
    });
  }

  /** "The results are published", to every participant of the edition, once. */
  resultsPublished(editionId: string, participantIds: string[]): Promise<number> {
    return this.send({
      kind: 'results_published',
      editionId,
      subjectId: editionId,
      recipientIds: participantIds,
      facts: () => ({ path: '/editions/:slug/gallery' }),
    });
  }
}
