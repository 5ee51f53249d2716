import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EditionEntity } from '../editions/entities/edition.entity';
import { EditionsService } from '../editions/editions.service';
import { DEMO_EDITION_SLUG, DEMO_TRACKS, demoEdition } from './demo-data';

/** Seeds the demo edition once; a later start on the same database changes nothing. */
@Injectable()
export class SeedService {
  private readonly logger = new Logger('Seed');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly editions: EditionsService,
  ) {}

  async seedDemo(now = Date.now()): Promise<{ created: boolean }> {
    if (await this.db.getRepository(EditionEntity).existsBy({ slug: DEMO_EDITION_SLUG })) {
      this.logger.log('Demo edition already present: nothing seeded');
      return { created: false };
    }
    const edition = await this.editions.create(demoEdition(now));
    for (const { challenges, ...track } of DEMO_TRACKS) {
      const saved = await this.editions.addTrack(edition.id, track);
      for (const challenge of challenges) await this.editions.addChallenge(saved.id, challenge);
    }
    this.logger.log(`Seeded the demo edition "${edition.name}"`);
    return { created: true };
  }
}
