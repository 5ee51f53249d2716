import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DELETED_USER_NAME, type PersonalDataPurgeResult } from '@ca/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/current-user';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { SessionsService } from '../auth/sessions.service';
import { EditionsService } from '../editions/editions.service';
import { RegistrationsService } from '../registrations/registrations.service';
import { JoinRequestsService } from '../teams/join-requests.service';
import { UsersService } from '../users/users.service';

/**
 * An organizer purges a past edition's personal data once its retention date has passed
 * (`personalDataRetentionUntil`, else judging's end + 1 year; compared with the database's
 * clock). In one transaction, under the edition's row lock, with its `edition.personal_data_purged`
 * audit entry: the registrations' answers are cleared (through the registrations module), the
 * messages of the edition's join requests and team invitations too (through the teams module), and each
 * participant's account that has no tie to another edition (registered in, or on the jury of,
 * another) is anonymised as an account deletion does (UsersService.anonymise); organizers'
 * accounts are never. Teams, projects, sheets, ranks and the audit log stay, naming
 * "Deleted user" where they named an anonymised person. Their sessions end after the commit.
 * Repeating it is harmless (nothing is left to purge).
 */
@Injectable()
export class RetentionPurgeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly editions: EditionsService,
    private readonly registrations: RegistrationsService,
    private readonly joinRequests: JoinRequestsService,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async purge(editionId: string, actor: AuthUser): Promise<PersonalDataPurgeResult> {
    await this.editions.entity(editionId, { includeDrafts: true });
    const { result, anonymised } = await this.db.transaction(async (m) => {
      const { retentionUntil, now } = await this.editions.lockRetention(m, editionId);
      if (now.getTime() < retentionUntil.getTime()) {
        throw new DomainError(
          'RETENTION_NOT_REACHED',
          `The personal data of this edition is kept until ${retentionUntil.toISOString()}`,
          { retentionUntil: retentionUntil.toISOString() },
        );
      }
      // The documented cross-module read: who took part, and whether they have another tie.
      const people: { user_id: string; kept: boolean }[] = await m.query(
        `SELECT r.user_id,
                (u.is_organizer
                 OR EXISTS (SELECT 1 FROM registrations o WHERE o.user_id = r.user_id AND o.edition_id <> $1)
                 OR EXISTS (SELECT 1 FROM jurors j WHERE j.user_id = r.user_id AND j.edition_id <> $1)) AS kept
           FROM registrations r JOIN users u ON u.id = r.user_id
          WHERE r.edition_id = $1 AND u.password_hash <> '!'
          ORDER BY r.user_id`,
        [editionId],
      );
      const registrationsCleared = await this.registrations.clearAnswers(m, editionId);
      const joinRequestMessagesCleared = await this.joinRequests.clearMessages(m, editionId);
      const anonymised = people.filter((p) => !p.kept).map((p) => p.user_id);
      for (const userId of anonymised) await this.users.anonymise(userId, DELETED_USER_NAME, m);
      const purgedAt = await this.editions.markPurged(m, editionId);
      const result: PersonalDataPurgeResult = {
        editionId,
        purgedAt: purgedAt.toISOString(),
        registrationsCleared,
        joinRequestMessagesCleared,
        accountsAnonymised: anonymised.length,
        accountsKept: people.length - anonymised.length,
      };
      await this.audit.record(m, {
        editionId,
        actorId: actor.id,
        action: 'edition.personal_data_purged',
        entity: 'edition',
        entityId: editionId,
        before: { retentionUntil: retentionUntil.toISOString() },
        after: {
          registrationsCleared,
          joinRequestMessagesCleared,
          accountsAnonymised: result.accountsAnonymised,
          accountsKept: result.accountsKept,
        },
      });
      return { result, anonymised };
    });
    for (const userId of anonymised) await this.sessions.revokeAllForUser(userId);
    return result;
  }
}
