import { Module } from '@nestjs/common';
import { AnnouncementsModule } from '../announcements/announcements.module';
import { EditionsModule } from '../editions/editions.module';
import { RevealModule } from '../reveal/reveal.module';
import { LiveFeedsGateway } from './live-feeds.gateway';
import { LiveModule } from './live.module';
import { RankingSourceModule } from './ranking-source.module';

/** Leaderboards, the event screen and coverage on `/live` (LiveFeedsGateway). */
@Module({
  imports: [LiveModule, EditionsModule, AnnouncementsModule, RevealModule, RankingSourceModule],
  providers: [LiveFeedsGateway],
  exports: [LiveFeedsGateway],
})
export class LiveFeedsModule {}
