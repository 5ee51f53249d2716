import { Module } from '@nestjs/common';
import { CriteriaLock } from './criteria-lock';
import { JudgingEvents } from './judging-events';
import { JudgingReadService } from './judging-read.service';

/**
 * The part of judging other modules depend on, with no dependencies of its own (so that the
 * editions and submissions modules can use it while the judging module uses them): the change
 * sequence and its events, the criteria lock, and the read service the ranking loads from.
 */
@Module({
  providers: [JudgingEvents, CriteriaLock, JudgingReadService],
  exports: [JudgingEvents, CriteriaLock, JudgingReadService],
})
export class JudgingCoreModule {}
