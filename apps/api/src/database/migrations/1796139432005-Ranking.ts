import { MigrationInterface, QueryRunner } from 'typeorm';

export class Ranking1796139432005 implements MigrationInterface {
  name = 'Ranking1796139432005';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "ranking_sequences" (
                "edition_id" uuid NOT NULL,
                "seq" bigint NOT NULL DEFAULT '0',
                CONSTRAINT "PK_737988d5697b823b21204184101" PRIMARY KEY ("edition_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "ranking_boards" (
                "edition_id" uuid NOT NULL,
                "board" text NOT NULL,
                "version" bigint NOT NULL DEFAULT '0',
                CONSTRAINT "PK_51fa6f6efdc6b0037cac9efba8c" PRIMARY KEY ("edition_id", "board")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "ranking_changes" (
                "edition_id" uuid NOT NULL,
                "seq" bigint NOT NULL,
                "change" jsonb NOT NULL,
                "versions" jsonb NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f5c214627c5a097a7d03c1ce2fb" PRIMARY KEY ("edition_id", "seq")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "editions"
            ADD "leaderboard_freeze_set_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "editions"
            ADD "share_juror_comments" boolean NOT NULL DEFAULT false
        `);
    await queryRunner.query(`
            ALTER TABLE "ranking_sequences"
            ADD CONSTRAINT "FK_737988d5697b823b21204184101" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "ranking_boards"
            ADD CONSTRAINT "FK_5bb7a86ea7338e93ea69b8418f1" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "ranking_changes"
            ADD CONSTRAINT "FK_96cd0b5610ec6439e0ee44e7e9a" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "ranking_changes" DROP CONSTRAINT "FK_96cd0b5610ec6439e0ee44e7e9a"
        `);
    await queryRunner.query(`
            ALTER TABLE "ranking_boards" DROP CONSTRAINT "FK_5bb7a86ea7338e93ea69b8418f1"
        `);
    await queryRunner.query(`
            ALTER TABLE "ranking_sequences" DROP CONSTRAINT "FK_737988d5697b823b21204184101"
        `);
    await queryRunner.query(`
            ALTER TABLE "editions" DROP COLUMN "share_juror_comments"
        `);
    await queryRunner.query(`
            ALTER TABLE "editions" DROP COLUMN "leaderboard_freeze_set_at"
        `);
    await queryRunner.query(`
            DROP TABLE "ranking_changes"
        `);
    await queryRunner.query(`
            DROP TABLE "ranking_boards"
        `);
    await queryRunner.query(`
            DROP TABLE "ranking_sequences"
        `);
  }
}
