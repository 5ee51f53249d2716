import { Module } from '@nestjs/common';
import { SubmissionRecordsModule } from '../submissions/submission-records.module';
import { JudgingCoreModule } from '../judging/judging-core.module';
import { RankingCoreModule } from '../ranking/ranking-core.module';
import { EditionCopyController } from './edition-copy.controller';
import { EditionCopyService } from './edition-copy.service';
import { EditionEvents } from './edition-events';
import { EditionsController } from './editions.controller';
import { EditionsService } from './editions.service';
import { TracksController } from './tracks.controller';
import { TracksService } from './tracks.service';

@Module({
  imports: [SubmissionRecordsModule, JudgingCoreModule, RankingCoreModule],
  controllers: [EditionsController, TracksController, EditionCopyController],
  providers: [EditionsService, TracksService, EditionEvents, EditionCopyService],
  exports: [EditionsService, TracksService, EditionEvents],
})
export class EditionsModule {}
