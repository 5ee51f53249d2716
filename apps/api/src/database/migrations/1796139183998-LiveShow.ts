import { MigrationInterface, QueryRunner } from 'typeorm';

export class LiveShow1796139183998 implements MigrationInterface {
  name = 'LiveShow1796139183998';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "announcements" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "edition_id" uuid NOT NULL,
                "author_id" uuid,
                "message" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b3ad760876ff2e19d58e05dc8b0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_announcements_edition_created" ON "announcements" ("edition_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "awards" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "edition_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "track_id" uuid,
                "challenge_id" uuid,
                "submission_id" uuid,
                "prize" text NOT NULL DEFAULT '',
                "sponsor" text NOT NULL DEFAULT '',
                "citation" text NOT NULL DEFAULT '',
                "position" integer NOT NULL,
                CONSTRAINT "ck_awards_kind" CHECK (
                    (
                        kind = 'track'
                        AND track_id IS NOT NULL
                        AND challenge_id IS NULL
                        AND submission_id IS NULL
                    )
                    OR (
                        kind = 'challenge'
                        AND challenge_id IS NOT NULL
                        AND track_id IS NULL
                    )
                ),
                CONSTRAINT "PK_bc3f6adc548ff46c76c03e06377" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_awards_edition_order" ON "awards" ("edition_id", "position")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_awards_challenge" ON "awards" ("edition_id", "challenge_id")
            WHERE challenge_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_awards_track" ON "awards" ("edition_id", "track_id")
            WHERE track_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "reveals" (
                "edition_id" uuid NOT NULL,
                "reveal_id" uuid NOT NULL,
                "track_id" uuid,
                "step" integer NOT NULL DEFAULT '0',
                "places" jsonb NOT NULL,
                "awards" jsonb NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_02f8ed32c4f63101ff5c92e402c" PRIMARY KEY ("edition_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "announcements"
            ADD CONSTRAINT "FK_d93c1a30090544447c5911f2ac2" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "announcements"
            ADD CONSTRAINT "FK_0a13cf0aa1f1a2666699ff473f0" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "awards"
            ADD CONSTRAINT "FK_5c823e5ed8623f965a59ee260d0" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "awards"
            ADD CONSTRAINT "FK_7aa91ca8d380d93ea9a1212c5c3" FOREIGN KEY ("track_id") REFERENCES "tracks"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "awards"
            ADD CONSTRAINT "FK_a7474a5e1c7a1683b41a93e6f2c" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "awards"
            ADD CONSTRAINT "FK_0313345583e892eea5cdde59839" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "reveals"
            ADD CONSTRAINT "FK_02f8ed32c4f63101ff5c92e402c" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "reveals" DROP CONSTRAINT "FK_02f8ed32c4f63101ff5c92e402c"
        `);
    await queryRunner.query(`
            ALTER TABLE "awards" DROP CONSTRAINT "FK_0313345583e892eea5cdde59839"
        `);
    await queryRunner.query(`
            ALTER TABLE "awards" DROP CONSTRAINT "FK_a7474a5e1c7a1683b41a93e6f2c"
        `);
    await queryRunner.query(`
            ALTER TABLE "awards" DROP CONSTRAINT "FK_7aa91ca8d380d93ea9a1212c5c3"
        `);
    await queryRunner.query(`
            ALTER TABLE "awards" DROP CONSTRAINT "FK_5c823e5ed8623f965a59ee260d0"
        `);
    await queryRunner.query(`
            ALTER TABLE "announcements" DROP CONSTRAINT "FK_0a13cf0aa1f1a2666699ff473f0"
        `);
    await queryRunner.query(`
            ALTER TABLE "announcements" DROP CONSTRAINT "FK_d93c1a30090544447c5911f2ac2"
        `);
    await queryRunner.query(`
            DROP TABLE "reveals"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_awards_track"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_awards_challenge"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_awards_edition_order"
        `);
    await queryRunner.query(`
            DROP TABLE "awards"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_announcements_edition_created"
        `);
    await queryRunner.query(`
            DROP TABLE "announcements"
        `);
  }
}
