import { Injectable, Logger } from '@nestjs/common';
import { SubmissionPutSchema, TablesNumberSchema, type Edition } from '@ca/shared';
import type { AuthUser } from '../../common/auth/current-user';
import { EditionsService } from '../editions/editions.service';
import { AssignmentsService } from '../judging/assignments.service';
import { ConflictsService } from '../judging/conflicts.service';
import { FlagsService } from '../judging/flags.service';
import { MyAssignmentsService } from '../judging/my-assignments.service';
import { ScoreSheetsService } from '../judging/score-sheets.service';
import { TablesService } from '../judging/tables.service';
import { JuryService } from '../jury/jury.service';
import { TracksService } from '../editions/tracks.service';
import { RegistrationsService } from '../registrations/registrations.service';
import { SubmissionsService } from '../submissions/submissions.service';
import { TeamMembershipService } from '../teams/team-membership.service';
import { UsersService } from '../users/users.service';
import {
  DEMO_CRITERIA_LEVELS,
  DEMO_EDITION_SLUG,
  DEMO_EMAIL_DOMAIN,
  DEMO_PARTICIPANTS,
  DEMO_PROJECTS,
  DEMO_TEAMS,
  DEMO_TRACKS,
  demoEdition,
  demoJudgingTimeline,
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
  {
    email: `juror3@${DEMO_EMAIL_DOMAIN}`,
    password: 'demo-juror-3',
    name: 'Ioana Vasilescu',
    track: 'tourism',
  },
  {
    email: `juror4@${DEMO_EMAIL_DOMAIN}`,
    password: 'demo-juror-4',
    name: 'Andrei Popa',
    track: null,
  },
];

/** The judging services the seed goes through (one parameter, so the seed's constructor stays short). */
@Injectable()
export class DemoJudgingServices {
  constructor(
    readonly tables: TablesService,
    readonly conflicts: ConflictsService,
    readonly assignments: AssignmentsService,
    readonly mine: MyAssignmentsService,
    readonly sheets: ScoreSheetsService,
    readonly flags: FlagsService,
  ) {}
}

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
    private readonly submissions: SubmissionsService,
    private readonly judging: DemoJudgingServices,
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
    const teams = await this.seedParticipants(edition.id, trackIds);
    const staff = await this.seedStaff(edition.id, trackIds);
    await this.seedJudging(edition, teams, staff);
    return { created: true };
  }

  /**
   * Judging in progress, through the same services as real users: criteria guidance, the teams'
   * projects (all but one submitted), the timeline moved past the submission deadline, tables
   * numbered, a declared conflict, the balanced assignment, some sheets saved and a flag raised.
   */
  private async seedJudging(
    edition: Edition,
    teams: { teamId: string; name: string; captain: AuthUser }[],
    staff: { organizer: AuthUser; jurors: AuthUser[] },
  ): Promise<void> {
    await this.tracks.putCriteria(
      edition.id,
      edition.criteria.map((c) => ({
        name: c.name,
        description: c.description,
        weight: c.weight,
        min: c.min,
        max: c.max,
        levels: (DEMO_CRITERIA_LEVELS[c.name] ?? []).map((l) => ({
          from: l.from,
          to: l.to,
          descriptionI18n: { en: l.en, ro: l.ro },
        })),
      })),
      staff.organizer.id,
    );
    for (const team of teams) {
      const project = DEMO_PROJECTS[team.name];
      if (!project) continue;
      const { submitted, ...content } = project;
      await this.submissions.save(team.teamId, team.captain, SubmissionPutSchema.parse(content));
      if (submitted) await this.submissions.submit(team.teamId, team.captain);
    }
    await this.editions.update(edition.id, demoJudgingTimeline(Date.now()), staff.organizer.id);
    await this.judging.tables.numberAll(edition.id, TablesNumberSchema.parse({}), staff.organizer);
    const [, juror2, juror3] = staff.jurors;
    const riverKeepers = teams.find((t) => t.name === 'River Keepers');
    if (juror2 && riverKeepers) {
      await this.judging.conflicts.declare(
        edition.id,
        { teamId: riverKeepers.teamId, reason: 'I mentored this team before the hackathon' },
        juror2,
      );
    }
    const summary = await this.judging.assignments.auto(edition.id, staff.organizer);
    // Juror 1 has scored all but one project, juror 2 half of theirs, juror 3 one; juror 4 none yet.
    let sheets = 0;
    for (const [j, juror] of staff.jurors.entries()) {
      const list = (await this.judging.mine.mine(edition.id, juror)).items;
      const howMany = [list.length - 1, Math.ceil(list.length / 2), 1, 0][j] ?? 0;
      for (const [k, item] of list.slice(0, howMany).entries()) {
        const values = Object.fromEntries(
          edition.criteria.map((c, i) => [c.id, Math.min(c.max, c.min + 2 + ((j * 3 + k * 5 + i * 7) % 8))]),
        );
        await this.judging.sheets.save(item.submissionId, juror, {
          values,
          comment: k % 2 === 0 ? 'Clear problem, convincing demo.' : 'Promising; the prototype needs polish.',
          idempotencyKey: `demo-${j}-${item.submissionId}`,
        });
        sheets++;
      }
    }
    if (juror3) {
      const todo = (await this.judging.mine.mine(edition.id, juror3)).items.find((i) => i.status === 'todo');
      if (todo) {
        await this.judging.flags.create(todo.submissionId, juror3, {
          kind: 'absent',
          reason: 'Nobody at the table at 11:00; will come back later',
        });
      }
    }
    this.logger.log(
      `Seeded judging in progress: ${summary.added.length} assignments, ${sheets} score sheets, one flag`,
    );
  }

  /**
   * Demo participants register and form teams through the same services as real users (the demo
   * timeline keeps registration and the teams window open around the first start).
   */
  private async seedParticipants(
    editionId: string,
    trackIds: Map<string, string>,
  ): Promise<{ teamId: string; name: string; captain: AuthUser }[]> {
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
    const teams: { teamId: string; name: string; captain: AuthUser }[] = [];
    for (const t of DEMO_TEAMS) {
      const [captain, ...others] = t.members.map((i) => people[i]!);
      const team = await this.membership.create(editionId, captain!, {
        name: t.name,
        trackId: trackIds.get(t.track)!,
      });
      for (const member of others) await this.membership.join(member, team.inviteCode!);
      teams.push({ teamId: team.id, name: t.name, captain: captain! });
    }
    for (const line of lines) this.logger.log(line);
    this.logger.log(`Seeded ${people.length} demo participants and ${DEMO_TEAMS.length} demo teams`);
    return teams;
  }

  /** A demo organizer, and jurors who joined through real invitations (kept in the outbox). */
  private async seedStaff(
    editionId: string,
    trackIds: Map<string, string>,
  ): Promise<{ organizer: AuthUser; jurors: AuthUser[] }> {
    const org = await this.users.ensureOrganizer(DEMO_ORGANIZER);
    const organizer: AuthUser = {
      id: org.id,
      email: DEMO_ORGANIZER.email,
      name: DEMO_ORGANIZER.name,
      isOrganizer: true,
    };
    this.logger.log(`Demo organizer account: ${DEMO_ORGANIZER.email} / ${DEMO_ORGANIZER.password}`);
    const jurors: AuthUser[] = [];
    for (const j of DEMO_JURORS) {
      const user = (await this.users.findByEmail(j.email)) ?? (await this.users.create(j));
      const { token } = await this.jury.invite(
        editionId,
        { email: j.email, trackIds: j.track ? [trackIds.get(j.track)!] : [] },
        organizer,
      );
      const juror: AuthUser = { id: user.id, email: user.email, name: user.name, isOrganizer: false };
      await this.jury.accept(token, juror);
      jurors.push(juror);
      this.logger.log(`Demo juror account: ${j.email} / ${j.password} (${j.name})`);
    }
    return { organizer, jurors };
  }
}
