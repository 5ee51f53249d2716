import { Injectable, Logger } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/current-user';
import { EditionsService } from '../editions/editions.service';
import { JuryService } from '../jury/jury.service';
import { TracksService } from '../editions/tracks.service';
import { RegistrationsService } from '../registrations/registrations.service';
import { TeamMembershipService } from '../teams/team-membership.service';
import { UsersService } from '../users/users.service';
import {
  DEMO_EDITION_SLUG,
  DEMO_EMAIL_DOMAIN,
  DEMO_PARTICIPANTS,
  DEMO_TEAMS,
  DEMO_TRACKS,
  demoEdition,
} from './demo-data';

/** The demo participant accounts: participantN@demo.challenge-accepted.ro / demo-participant-N. */
export const demoParticipantAccount = (index: number) => ({
  email: `participant${index + 1}@${DEMO_EMAIL_DOMAIN}`,
  password: `demo-participant-${index + 1}`,
});

/** The demo organizer and jurors (demo mode only; no default password exists outside it). */
export const DEMO_ORGANIZER = {
  email: `organizer@${DEMO_EMAIL_DOMAIN}`,
  password: 'demo-organizer',
  name: 'Demo Organizer',
};
export const DEMO_JURORS = [
  {
    email: `juror1@${DEMO_EMAIL_DOMAIN}`,
    password: 'demo-juror-1',
    name: 'Dr. Elena Marinescu',
    track: 'health',
  },
  {
    email: `juror2@${DEMO_EMAIL_DOMAIN}`,
    password: 'demo-juror-2',
    name: 'Mihai Dumitrescu',
    track: 'environment-ecology',
  },
];

/**
 * Seeds the demo edition once (with its tracks, participants, registrations and teams); a later
 * start on the same database changes nothing. Only called in demo mode, so the demo accounts it
 * prints never show up in production logs.
 */
@Injectable()
export class SeedService {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly editions: EditionsService,
    private readonly tracks: TracksService,
    private readonly users: UsersService,
    private readonly registrations: RegistrationsService,
    private readonly membership: TeamMembershipService,
    private readonly jury: JuryService,
  ) {}

  async seedDemo(now = Date.now()): Promise<{ created: boolean }> {
    if (await this.editions.existsBySlug(DEMO_EDITION_SLUG)) {
      this.logger.log('Demo edition already present: nothing seeded');
      this.logger.log(
        `Demo accounts: ${DEMO_ORGANIZER.email} / ${DEMO_ORGANIZER.password}; ` +
          DEMO_JURORS.map((j) => `${j.email} / ${j.password}`).join('; ') +
          `; participantN@${DEMO_EMAIL_DOMAIN} / demo-participant-N (N = 1…${DEMO_PARTICIPANTS.length})`,
      );
      return { created: false };
    }
    const edition = await this.editions.create(demoEdition(now));
    const trackIds = new Map<string, string>();
    for (const { challenges, ...track } of DEMO_TRACKS) {
      const saved = await this.tracks.addTrack(edition.id, track);
      trackIds.set(track.slug, saved.id);
      for (const challenge of challenges) await this.tracks.addChallenge(saved.id, challenge);
    }
    this.logger.log(`Seeded the demo edition "${edition.name}"`);
    await this.seedParticipants(edition.id, trackIds);
    await this.seedStaff(edition.id, trackIds);
    return { created: true };
  }

  /**
   * Demo participants register and form teams through the same services as real users (the demo
   * timeline keeps registration and the teams window open around the first start).
   */
  private async seedParticipants(editionId: string, trackIds: Map<string, string>): Promise<void> {
    const people: AuthUser[] = [];
    const lines: string[] = [];
    for (const [i, p] of DEMO_PARTICIPANTS.entries()) {
      const account = demoParticipantAccount(i);
      const user =
        (await this.users.findByEmail(account.email)) ??
        (await this.users.create({ ...account, name: p.name }));
      const auth: AuthUser = {
        id: user.id,
        email: user.email,
        name: user.name,
        isOrganizer: user.isOrganizer,
      };
      people.push(auth);
      await this.registrations.register(editionId, auth, {
        skills: p.skills,
        lookingForTeam: p.lookingForTeam,
        shareContact: p.shareContact ?? false,
      });
      lines.push(`Demo participant account: ${account.email} / ${account.password} (${p.name})`);
    }
    for (const t of DEMO_TEAMS) {
      const [captain, ...others] = t.members.map((i) => people[i]!);
      const team = await this.membership.create(editionId, captain!, {
        name: t.name,
        trackId: trackIds.get(t.track)!,
      });
      for (const member of others) await this.membership.join(member, team.inviteCode!);
    }
    for (const line of lines) this.logger.log(line);
    this.logger.log(`Seeded ${people.length} demo participants and ${DEMO_TEAMS.length} demo teams`);
  }

  /** A demo organizer, and jurors who joined through real invitations (kept in the outbox). */
  private async seedStaff(editionId: string, trackIds: Map<string, string>): Promise<void> {
    const org = await this.users.ensureOrganizer(DEMO_ORGANIZER);
    const organizer: AuthUser = {
      id: org.id,
      email: DEMO_ORGANIZER.email,
      name: DEMO_ORGANIZER.name,
      isOrganizer: true,
    };
    this.logger.log(`Demo organizer account: ${DEMO_ORGANIZER.email} / ${DEMO_ORGANIZER.password}`);
    for (const j of DEMO_JURORS) {
      const user = (await this.users.findByEmail(j.email)) ?? (await this.users.create(j));
      const { token } = await this.jury.invite(
        editionId,
        { email: j.email, trackIds: [trackIds.get(j.track)!] },
        organizer,
      );
      await this.jury.accept(token, { id: user.id, email: user.email, name: user.name, isOrganizer: false });
      this.logger.log(`Demo juror account: ${j.email} / ${j.password} (${j.name})`);
    }
  }
}
