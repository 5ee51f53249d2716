import { Module } from '@nestjs/common';
import { DashboardSignal } from './dashboard-signal';
import { LiveGateway } from './live.gateway';

/** The `/live` namespace (no dependencies: every module may emit through it). */
@Module({ providers: [LiveGateway, DashboardSignal], exports: [LiveGateway, DashboardSignal] })
export class LiveModule {}
