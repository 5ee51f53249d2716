import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { JudgingCoreModule } from '../judging/judging-core.module';
import { TeamsModule } from '../teams/teams.module';
import { ExplainService } from './explain.service';
import { FrozenBoards } from './frozen-boards';
import { RankingCoreModule } from './ranking-core.module';
import { RankingController } from './ranking.controller';
import { RankingService } from './ranking.service';
import { RankingStore } from './ranking-store';
import { TeamResultService } from './team-result.service';

/**
 * The ranking: every edition's boards in memory (RankingStore, following the change log that
 * RankingLog writes), leaderboards per viewer (rule 7), explanations, team results, and the
 * standings the gallery shows. The live gateway consumes `RankingService`.
 */
@Module({
  imports: [RankingCoreModule, JudgingCoreModule, EditionsModule, TeamsModule],
  controllers: [RankingController],
  providers: [RankingStore, FrozenBoards, RankingService, ExplainService, TeamResultService],
  exports: [RankingService, RankingCoreModule],
})
export class RankingModule {}
