import { Module } from '@nestjs/common';
import { LiveGateway } from './live.gateway';

/** The `/live` namespace (no dependencies: every module may emit through it). */
@Module({ providers: [LiveGateway], exports: [LiveGateway] })
export class LiveModule {}
