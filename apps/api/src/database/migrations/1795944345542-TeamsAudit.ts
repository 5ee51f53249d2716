import { MigrationInterface, QueryRunner } from 'typeorm';

export class TeamsAudit1795944345542 implements MigrationInterface {
  name = 'TeamsAudit1795944345542';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "team_members" (
                "team_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "edition_id" uuid NOT NULL,
                "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_1d3c06a8217a8785e2af0ec4ab8" PRIMARY KEY ("team_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_team_members_edition_user" ON "team_members" ("edition_id", "user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "teams" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "edition_id" uuid NOT NULL,
                "track_id" uuid NOT NULL,
                "name" text NOT NULL,
                "name_key" text NOT NULL,
                "captain_id" uuid NOT NULL,
                "invite_code" text NOT NULL,
                "extended_deadline" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_8ad3974a1c9c97a4c2fcf36d952" UNIQUE ("invite_code"),
                CONSTRAINT "PK_7e5523774a38b08a6236d322403" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_teams_track" ON "teams" ("track_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_teams_edition_name" ON "teams" ("edition_id", "name_key")
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_entries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "edition_id" uuid,
                "actor_id" uuid,
                "action" text NOT NULL,
                "entity" text NOT NULL,
                "entity_id" text NOT NULL,
                "before" jsonb,
                "after" jsonb,
                CONSTRAINT "PK_6b1623bcad4d04530b76548d619" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_edition_at" ON "audit_entries" ("edition_id", "at")
        `);
    await queryRunner.query(`
            ALTER TABLE "team_members"
            ADD CONSTRAINT "FK_fdad7d5768277e60c40e01cdcea" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "team_members"
            ADD CONSTRAINT "FK_c2bf4967c8c2a6b845dadfbf3d4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "teams"
            ADD CONSTRAINT "FK_2ef6f89455d44581ee9b575f1af" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "teams"
            ADD CONSTRAINT "FK_9b143d8c8cee8feff4c2a3122ff" FOREIGN KEY ("track_id") REFERENCES "tracks"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "teams"
            ADD CONSTRAINT "FK_efa32c8850c6857db07943ae07d" FOREIGN KEY ("captain_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "teams" DROP CONSTRAINT "FK_efa32c8850c6857db07943ae07d"
        `);
    await queryRunner.query(`
            ALTER TABLE "teams" DROP CONSTRAINT "FK_9b143d8c8cee8feff4c2a3122ff"
        `);
    await queryRunner.query(`
            ALTER TABLE "teams" DROP CONSTRAINT "FK_2ef6f89455d44581ee9b575f1af"
        `);
    await queryRunner.query(`
            ALTER TABLE "team_members" DROP CONSTRAINT "FK_c2bf4967c8c2a6b845dadfbf3d4"
        `);
    await queryRunner.query(`
            ALTER TABLE "team_members" DROP CONSTRAINT "FK_fdad7d5768277e60c40e01cdcea"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_edition_at"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_entries"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_teams_edition_name"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_teams_track"
        `);
    await queryRunner.query(`
            DROP TABLE "teams"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_team_members_edition_user"
        `);
    await queryRunner.query(`
            DROP TABLE "team_members"
        `);
  }
}
