import { ChallengeEntity } from '../modules/editions/entities/challenge.entity';
import { CriterionEntity } from '../modules/editions/entities/criterion.entity';
import { EditionEntity } from '../modules/editions/entities/edition.entity';
import { TrackEntity } from '../modules/editions/entities/track.entity';
import { SessionEntity } from '../modules/auth/entities/session.entity';
import { JurorEntity } from '../modules/jury/entities/juror.entity';
import { RegistrationEntity } from '../modules/registrations/entities/registration.entity';
import { UserEntity } from '../modules/users/entities/user.entity';
import { TeamEntity } from '../modules/teams/entities/team.entity';
import { TeamMemberEntity } from '../modules/teams/entities/team-member.entity';
import { JoinRequestEntity } from '../modules/teams/entities/join-request.entity';
import { AuditEntryEntity } from '../modules/audit/entities/audit-entry.entity';
import { PasswordResetEntity } from '../modules/auth/entities/password-reset.entity';
import { OutboxMailEntity } from '../modules/mail/entities/outbox-mail.entity';
import { NotificationSentEntity } from '../modules/mail/entities/notification-sent.entity';
import { JuryInvitationEntity } from '../modules/jury/entities/jury-invitation.entity';
import { SubmissionEntity } from '../modules/submissions/entities/submission.entity';
import { SubmissionVersionEntity } from '../modules/submissions/entities/submission-version.entity';
import { ConflictEntity } from '../modules/judging/entities/conflict.entity';
import { AssignmentEntity } from '../modules/judging/entities/assignment.entity';
import { ScoreSheetEntity } from '../modules/judging/entities/score-sheet.entity';
import { ScoreSheetKeyEntity } from '../modules/judging/entities/score-sheet-key.entity';
import { JudgingFlagEntity } from '../modules/judging/entities/judging-flag.entity';
import { SheetReopeningEntity } from '../modules/judging/entities/sheet-reopening.entity';
import { JudgingSequenceEntity } from '../modules/judging/entities/judging-sequence.entity';
import { AnnouncementEntity } from '../modules/announcements/entities/announcement.entity';
import { AwardEntity } from '../modules/awards/entities/award.entity';
import { RevealEntity } from '../modules/reveal/entities/reveal.entity';
import { RankingSequenceEntity } from '../modules/ranking/entities/ranking-sequence.entity';
import { RankingBoardEntity } from '../modules/ranking/entities/ranking-board.entity';
import { RankingChangeEntity } from '../modules/ranking/entities/ranking-change.entity';

/** Every entity, listed explicitly so that tests and the CLI load the same set without globs. */
export const ENTITIES = [
  EditionEntity,
  TrackEntity,
  ChallengeEntity,
  CriterionEntity,
  UserEntity,
  SessionEntity,
  RegistrationEntity,
  JurorEntity,
  TeamEntity,
  TeamMemberEntity,
  AuditEntryEntity,
  PasswordResetEntity,
  OutboxMailEntity,
  NotificationSentEntity,
  JuryInvitationEntity,
  SubmissionEntity,
  SubmissionVersionEntity,
  ConflictEntity,
  AssignmentEntity,
  ScoreSheetEntity,
  ScoreSheetKeyEntity,
  JudgingFlagEntity,
  SheetReopeningEntity,
  JudgingSequenceEntity,
  JoinRequestEntity,
  AnnouncementEntity,
  AwardEntity,
  RevealEntity,
  RankingSequenceEntity,
  RankingBoardEntity,
  RankingChangeEntity,
];
