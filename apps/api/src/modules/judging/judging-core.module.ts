import { Module } from '@nestjs/common';
import { CriteriaLock } from './criteria-lock';
import { JudgingEvents } from './judging-events';

/**
 * The part of judging other modules depend on, with no dependencies of its own (so that the
 * editions and submissions modules can use it while the judging module uses them): the change
 * sequence and its events, and the criteria lock.
 */
@Module({ providers: [JudgingEvents, CriteriaLock], exports: [JudgingEvents, CriteriaLock] })
export class JudgingCoreModule {}
