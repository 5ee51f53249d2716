import { MigrationInterface, QueryRunner } from 'typeorm';

export class Submissions1795945128513 implements MigrationInterface {
  name = 'Submissions1795945128513';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "submissions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "team_id" uuid NOT NULL,
                "edition_id" uuid NOT NULL,
                "track_id" uuid NOT NULL,
                "title" text NOT NULL,
                "tagline" text NOT NULL DEFAULT '',
                "description" text NOT NULL DEFAULT '',
                "repo_url" text NOT NULL DEFAULT '',
                "demo_url" text NOT NULL DEFAULT '',
                "video_url" text NOT NULL DEFAULT '',
                "tech_tags" text array NOT NULL DEFAULT '{}',
                "challenge_ids" uuid array NOT NULL DEFAULT '{}',
                "status" text NOT NULL DEFAULT 'draft',
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "disqualified_at" TIMESTAMP WITH TIME ZONE,
                "disqualified_reason" text,
                CONSTRAINT "UQ_744e0ddbe7ee244176b7bd1dd44" UNIQUE ("team_id"),
                CONSTRAINT "ck_submissions_disqualified" CHECK (
                    (disqualified_at IS NULL) = (disqualified_reason IS NULL)
                ),
                CONSTRAINT "ck_submissions_version" CHECK (version >= 1),
                CONSTRAINT "ck_submissions_submitted_at" CHECK (
                    (status = 'submitted') = (submitted_at IS NOT NULL)
                ),
                CONSTRAINT "ck_submissions_status" CHECK (status IN ('draft', 'submitted')),
                CONSTRAINT "PK_10b3be95b8b2fb1e482e07d706b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_submissions_edition_track_status" ON "submissions" ("edition_id", "track_id", "status")
        `);
    await queryRunner.query(`
            CREATE TABLE "submission_versions" (
                "submission_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "action" text NOT NULL,
                "snapshot" jsonb NOT NULL,
                "author_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_submission_versions_action" CHECK (action IN ('save', 'submit', 'unsubmit')),
                CONSTRAINT "PK_32e1b7329bb59f8892d15caefc1" PRIMARY KEY ("submission_id", "version")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "submissions"
            ADD CONSTRAINT "FK_744e0ddbe7ee244176b7bd1dd44" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "submissions"
            ADD CONSTRAINT "FK_fddd1f7ef629d919bd0c42847c5" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "submissions"
            ADD CONSTRAINT "FK_fdf99fae70a6086b106eb11014e" FOREIGN KEY ("track_id") REFERENCES "tracks"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_versions"
            ADD CONSTRAINT "FK_ad0247bc4a35b683313e99290d9" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_versions"
            ADD CONSTRAINT "FK_ca230fcf56d24ce7322a69999b7" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "submission_versions" DROP CONSTRAINT "FK_ca230fcf56d24ce7322a69999b7"
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_versions" DROP CONSTRAINT "FK_ad0247bc4a35b683313e99290d9"
        `);
    await queryRunner.query(`
            ALTER TABLE "submissions" DROP CONSTRAINT "FK_fdf99fae70a6086b106eb11014e"
        `);
    await queryRunner.query(`
            ALTER TABLE "submissions" DROP CONSTRAINT "FK_fddd1f7ef629d919bd0c42847c5"
        `);
    await queryRunner.query(`
            ALTER TABLE "submissions" DROP CONSTRAINT "FK_744e0ddbe7ee244176b7bd1dd44"
        `);
    await queryRunner.query(`
            DROP TABLE "submission_versions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_submissions_edition_track_status"
        `);
    await queryRunner.query(`
            DROP TABLE "submissions"
        `);
  }
}
