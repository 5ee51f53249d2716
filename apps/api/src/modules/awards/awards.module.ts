import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { RankingSourceModule } from '../live/ranking-source.module';
import { AwardsController } from './awards.controller';
import { AwardsService } from './awards.service';

@Module({
  imports: [EditionsModule, RankingSourceModule],
  controllers: [AwardsController],
  providers: [AwardsService],
  exports: [AwardsService],
})
export class AwardsModule {}
