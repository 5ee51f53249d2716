import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/env';
import { NotificationsService } from './notifications.service';

/** The team's own deadline (its extension when later), as the submissions module computes it. */
const TEAM_DEADLINE = 'GREATEST(e.submission_deadline, t.extended_deadline)';
/** Results published longer ago than this (a deployment started late) are not announced any more. */
const RESULTS_STALE = `interval '3 days'`;

export interface ScanSummary {
  reminders: number;
  results: number;
}

/**
 * The notifications nobody's request triggers (issue 13), found by a periodic scan on every
 * instance (NOTIFICATION_SCAN_SECONDS; 0 turns it off): deadline reminders to each team whose
 * project is still a draft, 24 h and 1 h before the team's deadline (when the scan first finds the
 * team within the last hour, only the 1 h one), and "results published" once the edition's
 * `results_published_at` has passed. Every time is compared with the database's clock (now()),
 * never the process's. Instances scan side by side: NotificationsService's key in
 * `notifications_sent` lets each mail go out once. A cross-module read of editions, teams,
 * submissions and registrations (no writes outside the mail module).
 */
@Injectable()
export class NotificationScanner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationScanner');
  private timer?: NodeJS.Timeout;
  private running: Promise<ScanSummary> | null = null;
  private closed = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.notificationScanMs;
    if (every <= 0) return;
    this.timer = setInterval(() => void this.scan().catch(() => undefined), every);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
  }

  /** One scan (one at a time per instance); what it sent. */
  scan(): Promise<ScanSummary> {
    if (!this.running) {
      this.running = this.scanOnce().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async scanOnce(): Promise<ScanSummary> {
    const summary: ScanSummary = { reminders: 0, results: 0 };
    if (this.closed) return summary;
    try {
      const due: {
        edition_id: string;
        team_id: string;
        team_name: string;
        deadline: Date;
        kind: 'deadline_reminder_24h' | 'deadline_reminder_1h';
        member_ids: string[];
      }[] = await this.db.query(
        `SELECT d.* FROM (
           SELECT e.id AS edition_id, t.id AS team_id, t.name AS team_name, ${TEAM_DEADLINE} AS deadline,
                  CASE WHEN ${TEAM_DEADLINE} <= now() + interval '1 hour'
                       THEN 'deadline_reminder_1h' ELSE 'deadline_reminder_24h' END AS kind,
                  array(SELECT tm.user_id FROM team_members tm WHERE tm.team_id = t.id) AS member_ids
             FROM editions e
             JOIN teams t ON t.edition_id = e.id
             JOIN submissions s ON s.team_id = t.id AND s.status = 'draft' AND s.disqualified_at IS NULL
            WHERE e.published AND e.personal_data_purged_at IS NULL
              AND ${TEAM_DEADLINE} > now() AND ${TEAM_DEADLINE} <= now() + interval '24 hours') d
          WHERE NOT EXISTS (SELECT 1 FROM notifications_sent n
                             WHERE n.edition_id = d.edition_id AND n.subject_id = d.team_id AND n.kind = d.kind)
          ORDER BY d.deadline, d.team_id`,
      );
      for (const r of due) {
        if (this.closed) break;
        await this.notifications.deadlineReminder(r.kind, r.edition_id, {
          id: r.team_id,
          name: r.team_name,
          memberIds: r.member_ids,
          deadline: new Date(r.deadline),
        });
        summary.reminders++;
      }
      const published: { id: string; participant_ids: string[] }[] = await this.db.query(
        `SELECT e.id, array(SELECT r.user_id FROM registrations r WHERE r.edition_id = e.id) AS participant_ids
           FROM editions e
          WHERE e.published AND e.personal_data_purged_at IS NULL
            AND e.results_published_at <= now() AND e.results_published_at > now() - ${RESULTS_STALE}
            AND NOT EXISTS (SELECT 1 FROM notifications_sent n
                             WHERE n.edition_id = e.id AND n.subject_id = e.id AND n.kind = 'results_published')`,
      );
      for (const e of published) {
        if (this.closed) break;
        await this.notifications.resultsPublished(e.id, e.participant_ids);
        summary.results++;
      }
    } catch (err) {
      if (!this.closed) this.logger.warn(`Notification scan failed: ${String(err)}`);
    }
    return summary;
  }
}
