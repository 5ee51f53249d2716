import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { SeedService } from './seed.service';

@Module({ imports: [EditionsModule], providers: [SeedService], exports: [SeedService] })
export class SeedModule {}
