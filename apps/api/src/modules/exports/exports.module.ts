import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { RankingModule } from '../ranking/ranking.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/** CSV exports for organizers: reads only (documented SQL in export-queries.ts, the ranking's boards). */
@Module({
  imports: [EditionsModule, RankingModule],
  controllers: [ExportsController],
  providers: [ExportsService],
})
export class ExportsModule {}
