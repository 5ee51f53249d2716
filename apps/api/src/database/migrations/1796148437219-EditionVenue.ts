import { MigrationInterface, QueryRunner } from 'typeorm';

/** Where an edition takes place (issue 9), in English (`venue`) and Romanian (`venue_ro`); '' = not said. */
export class EditionVenue1796148437219 implements MigrationInterface {
  name = 'EditionVenue1796148437219';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "editions"
            ADD "venue" text NOT NULL DEFAULT ''
        `);
    await queryRunner.query(`
            ALTER TABLE "editions"
            ADD "venue_ro" text NOT NULL DEFAULT ''
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "editions" DROP COLUMN "venue_ro"
        `);
    await queryRunner.query(`
            ALTER TABLE "editions" DROP COLUMN "venue"
        `);
  }
}
