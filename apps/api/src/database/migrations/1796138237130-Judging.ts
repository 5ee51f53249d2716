import { MigrationInterface, QueryRunner } from 'typeorm';

export class Judging1796138237130 implements MigrationInterface {
  name = 'Judging1796138237130';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "conflicts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "edition_id" uuid NOT NULL,
                "juror_id" uuid NOT NULL,
                "team_id" uuid NOT NULL,
                "reason" text NOT NULL,
                "declared_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a1b90d7fdf566d825842f26cf86" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_conflicts_team" ON "conflicts" ("team_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_conflicts_edition" ON "conflicts" ("edition_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_conflicts_juror_team" ON "conflicts" ("juror_id", "team_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "assignments" (
                "juror_id" uuid NOT NULL,
                "submission_id" uuid NOT NULL,
                "edition_id" uuid NOT NULL,
                "source" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_assignments_source" CHECK (source IN ('auto', 'manual')),
                CONSTRAINT "PK_877dc7cd4487af3f0e5f17cea10" PRIMARY KEY ("juror_id", "submission_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_assignments_submission" ON "assignments" ("submission_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_assignments_edition" ON "assignments" ("edition_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "score_sheets" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "edition_id" uuid NOT NULL,
                "juror_id" uuid NOT NULL,
                "submission_id" uuid NOT NULL,
                "values" jsonb NOT NULL,
                "comment" text NOT NULL DEFAULT '',
                "score" double precision NOT NULL,
                "submission_version" integer NOT NULL,
                "seq" bigint NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_score_sheets_comment" CHECK (char_length(comment) <= 5000),
                CONSTRAINT "ck_score_sheets_score" CHECK (
                    score >= 0
                    AND score <= 100
                ),
                CONSTRAINT "PK_1e6230a5aa8654a69fcb545a90b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_score_sheets_submission" ON "score_sheets" ("submission_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_score_sheets_edition" ON "score_sheets" ("edition_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_score_sheets_juror_submission" ON "score_sheets" ("juror_id", "submission_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "score_sheet_keys" (
                "juror_id" uuid NOT NULL,
                "idempotency_key" text NOT NULL,
                "submission_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_71d343f3f4fbc32622c06e4455e" PRIMARY KEY ("juror_id", "idempotency_key")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "judging_flags" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "edition_id" uuid NOT NULL,
                "submission_id" uuid NOT NULL,
                "juror_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "reason" text NOT NULL,
                "status" text NOT NULL DEFAULT 'open',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "resolved_at" TIMESTAMP WITH TIME ZONE,
                "resolved_by" uuid,
                "reassigned_to" uuid,
                "note" text,
                CONSTRAINT "ck_judging_flags_resolved" CHECK ((status = 'open') = (resolved_at IS NULL)),
                CONSTRAINT "ck_judging_flags_status" CHECK (status IN ('open', 'reassigned', 'dismissed')),
                CONSTRAINT "ck_judging_flags_kind" CHECK (kind IN ('absent', 'cannot_judge')),
                CONSTRAINT "PK_8350f0223a020a80c812bcd7420" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_judging_flags_edition" ON "judging_flags" ("edition_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_judging_flags_open" ON "judging_flags" ("juror_id", "submission_id")
            WHERE status = 'open'
        `);
    await queryRunner.query(`
            CREATE TABLE "sheet_reopenings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "edition_id" uuid NOT NULL,
                "juror_id" uuid NOT NULL,
                "submission_id" uuid NOT NULL,
                "reason" text NOT NULL,
                "opened_by" uuid,
                "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "until" TIMESTAMP WITH TIME ZONE,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_aeeab4aa803fd6d940ca25b91de" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_sheet_reopenings_edition" ON "sheet_reopenings" ("edition_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_sheet_reopenings_open" ON "sheet_reopenings" ("juror_id", "submission_id")
            WHERE closed_at IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "judging_sequences" (
                "edition_id" uuid NOT NULL,
                "seq" bigint NOT NULL DEFAULT '0',
                CONSTRAINT "PK_5fb5dbc9df39db4bf5b04dcc73f" PRIMARY KEY ("edition_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria"
            ADD "levels" jsonb NOT NULL DEFAULT '[]'
        `);
    await queryRunner.query(`
            ALTER TABLE "teams"
            ADD "table_label" text
        `);
    await queryRunner.query(`
            ALTER TABLE "conflicts"
            ADD CONSTRAINT "FK_419d2fab4bff05723e8402a0fa7" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "conflicts"
            ADD CONSTRAINT "FK_313db49eb55061895c3b5784794" FOREIGN KEY ("juror_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "conflicts"
            ADD CONSTRAINT "FK_ad545c7bee91c0a6a03728e63cf" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "conflicts"
            ADD CONSTRAINT "FK_9609a88a9a9fd8d159c47d4694a" FOREIGN KEY ("declared_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments"
            ADD CONSTRAINT "FK_a2b4995ea14db85b8d087eedb2e" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments"
            ADD CONSTRAINT "FK_d08be7266ed937c92c9a1ede0ac" FOREIGN KEY ("edition_id", "juror_id") REFERENCES "jurors"("edition_id", "user_id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments"
            ADD CONSTRAINT "FK_374778706fbcd79fad0a4b666bc" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "score_sheets"
            ADD CONSTRAINT "FK_c53defcf17a1f4f3f5b188c0f88" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "score_sheets"
            ADD CONSTRAINT "FK_091532b8f343352af7a92b31a50" FOREIGN KEY ("juror_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "score_sheets"
            ADD CONSTRAINT "FK_8a66adbb830a641f0d09c8d9b63" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "score_sheet_keys"
            ADD CONSTRAINT "FK_cc2a252b9190e3b3d772099c11c" FOREIGN KEY ("juror_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "score_sheet_keys"
            ADD CONSTRAINT "FK_57be5d4d16a0bacf8ba84d516e9" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "judging_flags"
            ADD CONSTRAINT "FK_ab9b1bd5b800101f7b2ce31208c" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "judging_flags"
            ADD CONSTRAINT "FK_079648679885519624e8ae12d26" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "judging_flags"
            ADD CONSTRAINT "FK_1fd18137dd962e12a83c6df7c95" FOREIGN KEY ("juror_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "judging_flags"
            ADD CONSTRAINT "FK_e7420f581969696bd4c994f62e0" FOREIGN KEY ("resolved_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "judging_flags"
            ADD CONSTRAINT "FK_203a81787f45c935331533c81be" FOREIGN KEY ("reassigned_to") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "sheet_reopenings"
            ADD CONSTRAINT "FK_55da985416431dfe30986f83c22" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "sheet_reopenings"
            ADD CONSTRAINT "FK_69c8062007ad89387a6bac1e939" FOREIGN KEY ("juror_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "sheet_reopenings"
            ADD CONSTRAINT "FK_f83dd14f2ea9f2128624457e894" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "sheet_reopenings"
            ADD CONSTRAINT "FK_63f110f10431698312f47400ca3" FOREIGN KEY ("opened_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "judging_sequences"
            ADD CONSTRAINT "FK_5fb5dbc9df39db4bf5b04dcc73f" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "judging_sequences" DROP CONSTRAINT "FK_5fb5dbc9df39db4bf5b04dcc73f"
        `);
    await queryRunner.query(`
            ALTER TABLE "sheet_reopenings" DROP CONSTRAINT "FK_63f110f10431698312f47400ca3"
        `);
    await queryRunner.query(`
            ALTER TABLE "sheet_reopenings" DROP CONSTRAINT "FK_f83dd14f2ea9f2128624457e894"
        `);
    await queryRunner.query(`
            ALTER TABLE "sheet_reopenings" DROP CONSTRAINT "FK_69c8062007ad89387a6bac1e939"
        `);
    await queryRunner.query(`
            ALTER TABLE "sheet_reopenings" DROP CONSTRAINT "FK_55da985416431dfe30986f83c22"
        `);
    await queryRunner.query(`
            ALTER TABLE "judging_flags" DROP CONSTRAINT "FK_203a81787f45c935331533c81be"
        `);
    await queryRunner.query(`
            ALTER TABLE "judging_flags" DROP CONSTRAINT "FK_e7420f581969696bd4c994f62e0"
        `);
    await queryRunner.query(`
            ALTER TABLE "judging_flags" DROP CONSTRAINT "FK_1fd18137dd962e12a83c6df7c95"
        `);
    await queryRunner.query(`
            ALTER TABLE "judging_flags" DROP CONSTRAINT "FK_079648679885519624e8ae12d26"
        `);
    await queryRunner.query(`
            ALTER TABLE "judging_flags" DROP CONSTRAINT "FK_ab9b1bd5b800101f7b2ce31208c"
        `);
    await queryRunner.query(`
            ALTER TABLE "score_sheet_keys" DROP CONSTRAINT "FK_57be5d4d16a0bacf8ba84d516e9"
        `);
    await queryRunner.query(`
            ALTER TABLE "score_sheet_keys" DROP CONSTRAINT "FK_cc2a252b9190e3b3d772099c11c"
        `);
    await queryRunner.query(`
            ALTER TABLE "score_sheets" DROP CONSTRAINT "FK_8a66adbb830a641f0d09c8d9b63"
        `);
    await queryRunner.query(`
            ALTER TABLE "score_sheets" DROP CONSTRAINT "FK_091532b8f343352af7a92b31a50"
        `);
    await queryRunner.query(`
            ALTER TABLE "score_sheets" DROP CONSTRAINT "FK_c53defcf17a1f4f3f5b188c0f88"
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments" DROP CONSTRAINT "FK_374778706fbcd79fad0a4b666bc"
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments" DROP CONSTRAINT "FK_d08be7266ed937c92c9a1ede0ac"
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments" DROP CONSTRAINT "FK_a2b4995ea14db85b8d087eedb2e"
        `);
    await queryRunner.query(`
            ALTER TABLE "conflicts" DROP CONSTRAINT "FK_9609a88a9a9fd8d159c47d4694a"
        `);
    await queryRunner.query(`
            ALTER TABLE "conflicts" DROP CONSTRAINT "FK_ad545c7bee91c0a6a03728e63cf"
        `);
    await queryRunner.query(`
            ALTER TABLE "conflicts" DROP CONSTRAINT "FK_313db49eb55061895c3b5784794"
        `);
    await queryRunner.query(`
            ALTER TABLE "conflicts" DROP CONSTRAINT "FK_419d2fab4bff05723e8402a0fa7"
        `);
    await queryRunner.query(`
            ALTER TABLE "teams" DROP COLUMN "table_label"
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria" DROP COLUMN "levels"
        `);
    await queryRunner.query(`
            DROP TABLE "judging_sequences"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_sheet_reopenings_open"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_sheet_reopenings_edition"
        `);
    await queryRunner.query(`
            DROP TABLE "sheet_reopenings"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_judging_flags_open"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_judging_flags_edition"
        `);
    await queryRunner.query(`
            DROP TABLE "judging_flags"
        `);
    await queryRunner.query(`
            DROP TABLE "score_sheet_keys"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_score_sheets_juror_submission"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_score_sheets_edition"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_score_sheets_submission"
        `);
    await queryRunner.query(`
            DROP TABLE "score_sheets"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_assignments_edition"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_assignments_submission"
        `);
    await queryRunner.query(`
            DROP TABLE "assignments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_conflicts_juror_team"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_conflicts_edition"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_conflicts_team"
        `);
    await queryRunner.query(`
            DROP TABLE "conflicts"
        `);
  }
}
