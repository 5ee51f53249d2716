import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PersonalData } from '@ca/shared';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/errors/domain-error';

/**
 * The documented cross-module read of the personal-data download: each table that names the
 * person, its rows whole as JSON (`to_jsonb`), so that a column added later is included without
 * anyone remembering to. One query, one consistent snapshot.
 */
const SECTIONS: Record<Exclude<keyof PersonalData, 'exportedAt' | 'account'>, string> = {
  registrations: `SELECT to_jsonb(x) AS row, x.created_at AS at FROM registrations x WHERE x.user_id = $1`,
  teamMemberships: `SELECT to_jsonb(x) || jsonb_build_object('team_name', t.name, 'captain', t.captain_id = x.user_id) AS row,
                           x.joined_at AS at
                      FROM team_members x JOIN teams t ON t.id = x.team_id WHERE x.user_id = $1`,
  submissionVersions: `SELECT to_jsonb(x) AS row, x.created_at AS at FROM submission_versions x WHERE x.author_id = $1`,
  joinRequests: `SELECT to_jsonb(x) AS row, x.created_at AS at FROM join_requests x WHERE x.user_id = $1 OR x.created_by = $1`,
  juries: `SELECT to_jsonb(x) AS row, x.created_at AS at FROM jurors x WHERE x.user_id = $1`,
  scoreSheets: `SELECT to_jsonb(x) AS row, x.updated_at AS at FROM score_sheets x WHERE x.juror_id = $1`,
  conflicts: `SELECT to_jsonb(x) AS row, x.created_at AS at FROM conflicts x WHERE x.juror_id = $1 OR x.declared_by = $1`,
  flags: `SELECT to_jsonb(x) AS row, x.created_at AS at FROM judging_flags x WHERE x.juror_id = $1`,
  auditEntries: `SELECT to_jsonb(x) AS row, x.at AS at FROM audit_entries x WHERE x.actor_id = $1`,
};

@Injectable()
export class PersonalDataService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async download(userId: string): Promise<PersonalData> {
    const sections = Object.entries(SECTIONS)
      .map(
        ([key, sql]) =>
          `(SELECT coalesce(jsonb_agg(s.row ORDER BY s.at, s.row::text), '[]'::jsonb) FROM (${sql}) s) AS "${key}"`,
      )
      .join(',\n');
    const [row] = (await this.db.query(
      `SELECT u.id, u.email, u.name, u.is_organizer, u.created_at, u.disabled_at, u.language,
              u.terms_accepted_at, u.terms_version, u.notify_join_requests, u.notify_deadline_reminders,
              u.notify_results, ${sections}
         FROM users u WHERE u.id = $1`,
      [userId],
    )) as (Record<string, unknown> & {
      id: string;
      email: string;
      name: string;
      is_organizer: boolean;
      created_at: Date;
      disabled_at: Date | null;
      language: string;
      terms_accepted_at: Date | null;
      terms_version: string | null;
      notify_join_requests: boolean;
      notify_deadline_reminders: boolean;
      notify_results: boolean;
    })[];
    if (!row) throw notFound('User');
    const {
      id,
      email,
      name,
      is_organizer,
      created_at,
      disabled_at,
      language,
      terms_accepted_at,
      terms_version,
      notify_join_requests,
      notify_deadline_reminders,
      notify_results,
      ...rest
    } = row;
    return {
      exportedAt: new Date().toISOString(),
      account: {
        id,
        email,
        name,
        isOrganizer: is_organizer,
        createdAt: created_at.toISOString(),
        disabledAt: disabled_at?.toISOString() ?? null,
        language,
        termsAcceptedAt: terms_accepted_at?.toISOString() ?? null,
        termsVersion: terms_version,
        notifications: {
          joinRequests: notify_join_requests,
          deadlineReminders: notify_deadline_reminders,
          results: notify_results,
        },
      },
      ...(rest as Omit<PersonalData, 'exportedAt' | 'account'>),
    };
  }
}
