import { Module } from '@nestjs/common';
import { JudgingCoreModule } from '../judging/judging-core.module';
import { EditionEvents } from './edition-events';
import { EditionsController } from './editions.controller';
import { EditionsService } from './editions.service';
import { TracksController } from './tracks.controller';
import { TracksService } from './tracks.service';

@Module({
  imports: [JudgingCoreModule],
  controllers: [EditionsController, TracksController],
  providers: [EditionsService, TracksService, EditionEvents],
  exports: [EditionsService, TracksService, EditionEvents],
})
export class EditionsModule {}
