import { MigrationInterface, QueryRunner } from 'typeorm';

/** Track names unique per edition, case-insensitively; existing tracks get their key from their name. */
export class TracksNameKey1795944751300 implements MigrationInterface {
  name = 'TracksNameKey1795944751300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tracks" ADD "name_key" text`);
    await queryRunner.query(`UPDATE "tracks" SET "name_key" = lower(trim("name"))`);
    await queryRunner.query(`ALTER TABLE "tracks" ALTER COLUMN "name_key" SET NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_tracks_edition_name" ON "tracks" ("edition_id", "name_key")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_tracks_edition_name"`);
    await queryRunner.query(`ALTER TABLE "tracks" DROP COLUMN "name_key"`);
  }
}
