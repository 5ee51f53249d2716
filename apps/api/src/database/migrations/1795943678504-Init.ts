import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795943678504 implements MigrationInterface {
  name = 'Init1795943678504';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "criteria" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "edition_id" uuid NOT NULL,
                "name" text NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "weight" double precision NOT NULL,
                "scale_min" double precision NOT NULL,
                "scale_max" double precision NOT NULL,
                "position" integer NOT NULL,
                CONSTRAINT "ck_criteria_scale" CHECK (scale_min < scale_max),
                CONSTRAINT "ck_criteria_weight" CHECK (weight > 0),
                CONSTRAINT "PK_91cd5f7ff7be5ade9bca5b98cfb" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_criteria_edition" ON "criteria" ("edition_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "editions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "slug" text NOT NULL,
                "name" text NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "published" boolean NOT NULL DEFAULT false,
                "registration_opens_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "registration_closes_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "hacking_starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "submission_deadline" TIMESTAMP WITH TIME ZONE NOT NULL,
                "judging_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "leaderboard_freeze_at" TIMESTAMP WITH TIME ZONE,
                "results_published_at" TIMESTAMP WITH TIME ZONE,
                "team_min_size" integer NOT NULL DEFAULT '1',
                "team_max_size" integer NOT NULL DEFAULT '5',
                "reviews_per_submission" integer NOT NULL DEFAULT '3',
                "normalization" text NOT NULL DEFAULT 'zscore',
                "leaderboard_visibility" text NOT NULL DEFAULT 'public',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_f37f66a310b20504a0d4ad53125" UNIQUE ("slug"),
                CONSTRAINT "ck_editions_visibility" CHECK (leaderboard_visibility IN ('public', 'hidden')),
                CONSTRAINT "ck_editions_normalization" CHECK (normalization IN ('none', 'zscore')),
                CONSTRAINT "ck_editions_reviews" CHECK (reviews_per_submission >= 1),
                CONSTRAINT "ck_editions_team_size" CHECK (
                    team_min_size >= 1
                    AND team_min_size <= team_max_size
                ),
                CONSTRAINT "ck_editions_timeline" CHECK (
                    registration_opens_at < registration_closes_at
                    AND registration_closes_at <= submission_deadline
                    AND registration_opens_at <= hacking_starts_at
                    AND hacking_starts_at < submission_deadline
                    AND submission_deadline < judging_ends_at
                    AND (
                        results_published_at IS NULL
                        OR judging_ends_at <= results_published_at
                    )
                    AND (
                        leaderboard_freeze_at IS NULL
                        OR leaderboard_freeze_at < judging_ends_at
                    )
                ),
                CONSTRAINT "PK_a04f035dd7a1c3f344481cb6a2e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "tracks" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "edition_id" uuid NOT NULL,
                "slug" text NOT NULL,
                "name" text NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "position" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_242a37ffc7870380f0e611986e8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_tracks_edition_slug" ON "tracks" ("edition_id", "slug")
        `);
    await queryRunner.query(`
            CREATE TABLE "challenges" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "track_id" uuid NOT NULL,
                "title" text NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "sponsor" text,
                "prize" text,
                "position" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_1e664e93171e20fe4d6125466af" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_challenges_track" ON "challenges" ("track_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria"
            ADD CONSTRAINT "FK_88c2981df126ea8981affd5b981" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "tracks"
            ADD CONSTRAINT "FK_d4524089fc443c47960e7dd2720" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "challenges"
            ADD CONSTRAINT "FK_5292ab48ac83f74e221736cd779" FOREIGN KEY ("track_id") REFERENCES "tracks"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "challenges" DROP CONSTRAINT "FK_5292ab48ac83f74e221736cd779"
        `);
    await queryRunner.query(`
            ALTER TABLE "tracks" DROP CONSTRAINT "FK_d4524089fc443c47960e7dd2720"
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria" DROP CONSTRAINT "FK_88c2981df126ea8981affd5b981"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_challenges_track"
        `);
    await queryRunner.query(`
            DROP TABLE "challenges"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_tracks_edition_slug"
        `);
    await queryRunner.query(`
            DROP TABLE "tracks"
        `);
    await queryRunner.query(`
            DROP TABLE "editions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_criteria_edition"
        `);
    await queryRunner.query(`
            DROP TABLE "criteria"
        `);
  }
}
