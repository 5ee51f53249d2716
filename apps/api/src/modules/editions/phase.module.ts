import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { EditionsModule } from './editions.module';
import { PhaseScheduler } from './phase-scheduler';

/** The phase scheduler needs the Socket.IO gateway, which itself depends on EditionsModule. */
@Module({ imports: [EditionsModule, LiveModule], providers: [PhaseScheduler], exports: [PhaseScheduler] })
export class EditionPhaseModule {}
