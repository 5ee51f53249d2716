import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountsMailJury1795944751269 implements MigrationInterface {
  name = 'AccountsMailJury1795944751269';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "password_resets" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "token_hash" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "UQ_323290a9239ad3d397ad78018ec" UNIQUE ("token_hash"),
                CONSTRAINT "PK_4816377aa98211c1de34469e742" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_password_resets_user" ON "password_resets" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "outbox" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "to_address" text NOT NULL,
                "subject" text NOT NULL,
                "body" text NOT NULL,
                "kind" text NOT NULL,
                "edition_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_outbox_created" ON "outbox" ("created_at", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "jury_invitations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "edition_id" uuid NOT NULL,
                "email" text NOT NULL,
                "track_ids" uuid array NOT NULL DEFAULT '{}',
                "token_hash" text NOT NULL,
                "invited_by" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "accepted_by" uuid,
                CONSTRAINT "UQ_5dda12df69f4c7afca07a1bc898" UNIQUE ("token_hash"),
                CONSTRAINT "PK_15098c0f4ba5571e072be91e84d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_jury_invitations_edition_created" ON "jury_invitations" ("edition_id", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "password_resets"
            ADD CONSTRAINT "FK_f7a4c3bc48f24df007936d217be" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "outbox"
            ADD CONSTRAINT "FK_1c88af5437b8cd01b02246aea0a" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "jury_invitations"
            ADD CONSTRAINT "FK_8351b24778c6f68f7c404e5ccc7" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "jury_invitations"
            ADD CONSTRAINT "FK_61d445a99ff32bbfdc46710ada4" FOREIGN KEY ("invited_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "jury_invitations"
            ADD CONSTRAINT "FK_5f8fa197c0f034318a6fb88a914" FOREIGN KEY ("accepted_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "jury_invitations" DROP CONSTRAINT "FK_5f8fa197c0f034318a6fb88a914"
        `);
    await queryRunner.query(`
            ALTER TABLE "jury_invitations" DROP CONSTRAINT "FK_61d445a99ff32bbfdc46710ada4"
        `);
    await queryRunner.query(`
            ALTER TABLE "jury_invitations" DROP CONSTRAINT "FK_8351b24778c6f68f7c404e5ccc7"
        `);
    await queryRunner.query(`
            ALTER TABLE "outbox" DROP CONSTRAINT "FK_1c88af5437b8cd01b02246aea0a"
        `);
    await queryRunner.query(`
            ALTER TABLE "password_resets" DROP CONSTRAINT "FK_f7a4c3bc48f24df007936d217be"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_jury_invitations_edition_created"
        `);
    await queryRunner.query(`
            DROP TABLE "jury_invitations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_outbox_created"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_password_resets_user"
        `);
    await queryRunner.query(`
            DROP TABLE "password_resets"
        `);
  }
}
