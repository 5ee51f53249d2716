import { Module } from '@nestjs/common';
import { RankingLog } from './ranking-log';

/**
 * The part of ranking the writing modules call inside their transactions (judging, submissions,
 * teams, editions): the change log. It imports nothing, so that all of them can import it while
 * the ranking module imports some of them.
 */
@Module({ providers: [RankingLog], exports: [RankingLog] })
export class RankingCoreModule {}
