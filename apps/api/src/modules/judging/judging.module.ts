import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { LiveModule } from '../live/live.module';
import { RankingCoreModule } from '../ranking/ranking-core.module';
import { TeamsModule } from '../teams/teams.module';
import { MailModule } from '../mail/mail.module';
import { AssignmentsService } from './assignments.service';
import { ConflictsService } from './conflicts.service';
import { CorrectionsService } from './corrections.service';
import { CoveragePublisher } from './coverage.publisher';
import { CoverageService } from './coverage.service';
import { FlagsService } from './flags.service';
import { JudgingCoreModule } from './judging-core.module';
import { JudgingController } from './judging.controller';
import { MyAssignmentsService } from './my-assignments.service';
import { ScoreSheetsService } from './score-sheets.service';
import { SecondRoundService } from './second-round.service';
import { ScoresController } from './scores.controller';
import { SheetWriter } from './sheet-writer';
import { TablesController } from './tables.controller';
import { TablesService } from './tables.service';

/**
 * Jury scoring: conflicts of interest, assignments, expo tables, flags, score sheets, coverage and
 * corrections. Other modules use `JudgingReadService` (the ranking's input), `JudgingEvents`
 * (changes after commit) and the services below for the seed.
 */
@Module({
  imports: [JudgingCoreModule, EditionsModule, TeamsModule, LiveModule, RankingCoreModule, MailModule],
  controllers: [JudgingController, ScoresController, TablesController],
  providers: [
    ConflictsService,
    AssignmentsService,
    SecondRoundService,
    MyAssignmentsService,
    SheetWriter,
    ScoreSheetsService,
    FlagsService,
    CorrectionsService,
    CoverageService,
    CoveragePublisher,
    TablesService,
  ],
  exports: [
    JudgingCoreModule,
    ConflictsService,
    AssignmentsService,
    SecondRoundService,
    MyAssignmentsService,
    ScoreSheetsService,
    FlagsService,
    TablesService,
    CoverageService,
  ],
})
export class JudgingModule {}
