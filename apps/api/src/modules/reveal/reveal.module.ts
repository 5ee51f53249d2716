import { Module } from '@nestjs/common';
import { AwardsModule } from '../awards/awards.module';
import { EditionsModule } from '../editions/editions.module';
import { LiveModule } from '../live/live.module';
import { RankingSourceModule } from '../live/ranking-source.module';
import { RevealController } from './reveal.controller';
import { RevealService } from './reveal.service';

@Module({
  imports: [EditionsModule, AwardsModule, LiveModule, RankingSourceModule],
  controllers: [RevealController],
  providers: [RevealService],
  exports: [RevealService],
})
export class RevealModule {}
