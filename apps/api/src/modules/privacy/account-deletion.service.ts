import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DELETED_USER_NAME } from '@ca/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/current-user';
import { verifyPassword } from '../../common/auth/passwords';
import { DomainError, forbidden } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { LoginLimiter } from '../auth/login-limiter';
import { SessionsService } from '../auth/sessions.service';
import { TeamMembershipService } from '../teams/team-membership.service';
import { UsersService } from '../users/users.service';

/** Teams a person may not leave any more (the teams window closed, a submitted project): kept. */
const KEEPS_MEMBERSHIP = new Set(['PHASE_CLOSED', 'DEADLINE_PASSED', 'TEAM_HAS_SUBMISSION']);

/**
 * A person deletes their account (issue 13). With the password asked again (a wrong one counts
 * as a failed login, as on a password change): they leave every team the rules still let them
 * leave (through the teams module: captaincy passes on, a last member's draft goes), then, in one
 * transaction with its `user.deleted` audit entry, the account row is anonymised and disabled;
 * finally every session ends. Sheets, memberships of locked teams and audit entries stay, now
 * naming nobody. Organizers' accounts are not deleted this way (another organizer disables them).
 * Each step can be repeated, so a deletion interrupted half-way completes when asked again.
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly limiter: LoginLimiter,
    private readonly teams: TeamMembershipService,
    private readonly audit: AuditService,
  ) {}

  async delete(auth: AuthUser, password: string, ip: string): Promise<void> {
    const user = await this.users.get(auth.id);
    if (user.isOrganizer) throw forbidden("An organizer's account is disabled by another organizer");
    const slot = await this.limiter.take(user.email, ip);
    if (!slot) throw new DomainError('RATE_LIMITED', 'Too many wrong passwords; try again later');
    if (!(await verifyPassword(user.passwordHash, password)))
      throw new DomainError('WRONG_PASSWORD', 'password: this is not your password');
    await slot.release();
    const memberships = (await this.db.query(`SELECT team_id FROM team_members WHERE user_id = $1`, [
      user.id,
    ])) as { team_id: string }[];
    const kept: string[] = [];
    for (const { team_id } of memberships) {
      try {
        await this.teams.leave(team_id, auth);
      } catch (err) {
        if (!(err instanceof DomainError) || !KEEPS_MEMBERSHIP.has(err.code)) throw err;
        kept.push(team_id);
      }
    }
    await this.db.transaction(async (m) => {
      await this.users.anonymise(user.id, DELETED_USER_NAME, m);
      await this.audit.record(m, {
        editionId: null,
        actorId: user.id,
        action: 'user.deleted',
        entity: 'user',
        entityId: user.id,
        before: null,
        after: { teamsLeft: memberships.length - kept.length, teamsKept: kept.length },
      });
    });
    await this.sessions.revokeAllForUser(user.id);
  }
}
