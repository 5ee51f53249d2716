import { Module } from '@nestjs/common';
import { RankingModule } from '../ranking/ranking.module';
import { RankingService } from '../ranking/ranking.service';
import { RANKING_SOURCE } from './ranking-source';

/** The ranking as the live module, the reveal and the awards use it (LiveRankingSource). */
@Module({
  imports: [RankingModule],
  providers: [{ provide: RANKING_SOURCE, useExisting: RankingService }],
  exports: [RANKING_SOURCE],
})
export class RankingSourceModule {}
