import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { LiveModule } from '../live/live.module';
import { TeamsModule } from '../teams/teams.module';
import { AssignmentsService } from './assignments.service';
import { ConflictsService } from './conflicts.service';
import { CorrectionsService } from './corrections.service';
import { CoveragePublisher } from './coverage.publisher';
import { CoverageService } from './coverage.service';
import { FlagsService } from './flags.service';
import { JudgingCoreModule } from './judging-core.module';
import { JudgingController } from './judging.controller';
import { JudgingReadService } from './judging-read.service';
import { MyAssignmentsService } from './my-assignments.service';
import { ScoreSheetsService } from './score-sheets.service';
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
  imports: [JudgingCoreModule, EditionsModule, TeamsModule, LiveModule],
  controllers: [JudgingController, ScoresController, TablesController],
  providers: [
    ConflictsService,
    AssignmentsService,
    MyAssignmentsService,
    SheetWriter,
    ScoreSheetsService,
    FlagsService,
    CorrectionsService,
    CoverageService,
    CoveragePublisher,
    TablesService,
    JudgingReadService,
  ],
  exports: [
    JudgingCoreModule,
    JudgingReadService,
    ConflictsService,
    AssignmentsService,
    MyAssignmentsService,
    ScoreSheetsService,
    FlagsService,
    TablesService,
  ],
})
export class JudgingModule {}
