import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 9: texts in two languages (the existing text columns stay the English ones; `…_ro`
 * columns beside them, empty for existing rows), submission requirements, consent to share a
 * contact, jury invitations' resend/revoke, join requests, and merged version-history entries.
 * Generated, then edited by hand where the generator cannot know the data: `first_version` and
 * `started_at` of existing history rows come from their own `version` and `created_at`, and the
 * track-name index becomes partial (a language left empty is not compared), which TypeORM does
 * not detect on an existing index.
 */
export class Journeys1796137750442 implements MigrationInterface {
  name = 'Journeys1796137750442';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "join_requests" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "edition_id" uuid NOT NULL,
                "team_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "message" text NOT NULL DEFAULT '',
                "status" text NOT NULL DEFAULT 'pending',
                "created_by" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "decided_by" uuid,
                CONSTRAINT "ck_join_requests_decided" CHECK ((status = 'pending') = (decided_at IS NULL)),
                CONSTRAINT "ck_join_requests_status" CHECK (
                    status IN (
                        'pending',
                        'accepted',
                        'declined',
                        'withdrawn',
                        'closed'
                    )
                ),
                CONSTRAINT "ck_join_requests_kind" CHECK (kind IN ('request', 'invitation')),
                CONSTRAINT "PK_3584a09620923a5aaf7de782f0d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_join_requests_team" ON "join_requests" ("team_id", "status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_join_requests_edition_user" ON "join_requests" ("edition_id", "user_id", "status")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_join_requests_pending" ON "join_requests" ("team_id", "user_id")
            WHERE status = 'pending'
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria"
            ADD "name_ro" text NOT NULL DEFAULT ''
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria"
            ADD "description_ro" text NOT NULL DEFAULT ''
        `);
    await queryRunner.query(`
            ALTER TABLE "editions"
            ADD "name_ro" text NOT NULL DEFAULT ''
        `);
    await queryRunner.query(`
            ALTER TABLE "editions"
            ADD "description_ro" text NOT NULL DEFAULT ''
        `);
    await queryRunner.query(`
            ALTER TABLE "editions"
            ADD "submission_requirements" jsonb NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "tracks"
            ADD "name_ro" text NOT NULL DEFAULT ''
        `);
    await queryRunner.query(`
            ALTER TABLE "tracks"
            ADD "name_ro_key" text NOT NULL DEFAULT ''
        `);
    await queryRunner.query(`
            ALTER TABLE "tracks"
            ADD "description_ro" text NOT NULL DEFAULT ''
        `);
    await queryRunner.query(`
            ALTER TABLE "challenges"
            ADD "title_ro" text NOT NULL DEFAULT ''
        `);
    await queryRunner.query(`
            ALTER TABLE "challenges"
            ADD "description_ro" text NOT NULL DEFAULT ''
        `);
    await queryRunner.query(`
            ALTER TABLE "challenges"
            ADD "sponsor_ro" text NOT NULL DEFAULT ''
        `);
    await queryRunner.query(`
            ALTER TABLE "challenges"
            ADD "prize_ro" text NOT NULL DEFAULT ''
        `);
    await queryRunner.query(`
            ALTER TABLE "registrations"
            ADD "share_contact" boolean NOT NULL DEFAULT false
        `);
    await queryRunner.query(`
            ALTER TABLE "jury_invitations"
            ADD "last_sent_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now()
        `);
    await queryRunner.query(`
            ALTER TABLE "jury_invitations"
            ADD "revoked_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_versions"
            ADD "first_version" integer
        `);
    await queryRunner.query(`UPDATE "submission_versions" SET "first_version" = "version"`);
    await queryRunner.query(`
            ALTER TABLE "submission_versions"
            ALTER COLUMN "first_version" SET NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_versions"
            ADD "saves" integer NOT NULL DEFAULT '1'
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_versions"
            ADD "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
        `);
    await queryRunner.query(`UPDATE "submission_versions" SET "started_at" = "created_at"`);
    await queryRunner.query(`DROP INDEX "public"."uq_tracks_edition_name"`);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_tracks_edition_name" ON "tracks" ("edition_id", "name_key")
            WHERE name_key <> ''
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_tracks_edition_name_ro" ON "tracks" ("edition_id", "name_ro_key")
            WHERE name_ro_key <> ''
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria"
            ADD CONSTRAINT "ck_criteria_name" CHECK (
                    name <> ''
                    OR name_ro <> ''
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "editions"
            ADD CONSTRAINT "ck_editions_name" CHECK (
                    name <> ''
                    OR name_ro <> ''
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "tracks"
            ADD CONSTRAINT "ck_tracks_name" CHECK (
                    name <> ''
                    OR name_ro <> ''
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "challenges"
            ADD CONSTRAINT "ck_challenges_title" CHECK (
                    title <> ''
                    OR title_ro <> ''
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_versions"
            ADD CONSTRAINT "ck_submission_versions_range" CHECK (
                    first_version <= version
                    AND saves >= 1
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "join_requests"
            ADD CONSTRAINT "FK_f04c04a773fd21a9d3693304bed" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "join_requests"
            ADD CONSTRAINT "FK_5359f2ab2b51bdf14f2fce01b0e" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "join_requests"
            ADD CONSTRAINT "FK_b3ed52f33226ac678d4f931943a" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "join_requests"
            ADD CONSTRAINT "FK_acf3ba9fad46f58b8873c91f89d" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "join_requests"
            ADD CONSTRAINT "FK_6b0e589f42ee0245ed018131fa0" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "join_requests" DROP CONSTRAINT "FK_6b0e589f42ee0245ed018131fa0"
        `);
    await queryRunner.query(`
            ALTER TABLE "join_requests" DROP CONSTRAINT "FK_acf3ba9fad46f58b8873c91f89d"
        `);
    await queryRunner.query(`
            ALTER TABLE "join_requests" DROP CONSTRAINT "FK_b3ed52f33226ac678d4f931943a"
        `);
    await queryRunner.query(`
            ALTER TABLE "join_requests" DROP CONSTRAINT "FK_5359f2ab2b51bdf14f2fce01b0e"
        `);
    await queryRunner.query(`
            ALTER TABLE "join_requests" DROP CONSTRAINT "FK_f04c04a773fd21a9d3693304bed"
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_versions" DROP CONSTRAINT "ck_submission_versions_range"
        `);
    await queryRunner.query(`
            ALTER TABLE "challenges" DROP CONSTRAINT "ck_challenges_title"
        `);
    await queryRunner.query(`
            ALTER TABLE "tracks" DROP CONSTRAINT "ck_tracks_name"
        `);
    await queryRunner.query(`
            ALTER TABLE "editions" DROP CONSTRAINT "ck_editions_name"
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria" DROP CONSTRAINT "ck_criteria_name"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_tracks_edition_name_ro"
        `);
    await queryRunner.query(`DROP INDEX "public"."uq_tracks_edition_name"`);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_tracks_edition_name" ON "tracks" ("edition_id", "name_key")
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_versions" DROP COLUMN "started_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_versions" DROP COLUMN "saves"
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_versions" DROP COLUMN "first_version"
        `);
    await queryRunner.query(`
            ALTER TABLE "jury_invitations" DROP COLUMN "revoked_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "jury_invitations" DROP COLUMN "last_sent_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "registrations" DROP COLUMN "share_contact"
        `);
    await queryRunner.query(`
            ALTER TABLE "challenges" DROP COLUMN "prize_ro"
        `);
    await queryRunner.query(`
            ALTER TABLE "challenges" DROP COLUMN "sponsor_ro"
        `);
    await queryRunner.query(`
            ALTER TABLE "challenges" DROP COLUMN "description_ro"
        `);
    await queryRunner.query(`
            ALTER TABLE "challenges" DROP COLUMN "title_ro"
        `);
    await queryRunner.query(`
            ALTER TABLE "tracks" DROP COLUMN "description_ro"
        `);
    await queryRunner.query(`
            ALTER TABLE "tracks" DROP COLUMN "name_ro_key"
        `);
    await queryRunner.query(`
            ALTER TABLE "tracks" DROP COLUMN "name_ro"
        `);
    await queryRunner.query(`
            ALTER TABLE "editions" DROP COLUMN "submission_requirements"
        `);
    await queryRunner.query(`
            ALTER TABLE "editions" DROP COLUMN "description_ro"
        `);
    await queryRunner.query(`
            ALTER TABLE "editions" DROP COLUMN "name_ro"
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria" DROP COLUMN "description_ro"
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria" DROP COLUMN "name_ro"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_join_requests_pending"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_join_requests_edition_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_join_requests_team"
        `);
    await queryRunner.query(`
            DROP TABLE "join_requests"
        `);
  }
}
