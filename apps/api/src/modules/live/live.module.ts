import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { LiveGateway } from './live.gateway';

@Module({ imports: [EditionsModule], providers: [LiveGateway], exports: [LiveGateway] })
export class LiveModule {}
