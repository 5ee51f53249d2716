import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13: the language and notification settings of each account and its consent to the terms;
 * the notifications sent (one row per edition, subject and kind: each goes out once); an edition's
 * retention date and when its personal data was purged.
 */
export class MailPrivacy1796149387000 implements MigrationInterface {
  name = 'MailPrivacy1796149387000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "notifications_sent" ("edition_id" uuid NOT NULL, "subject_id" uuid NOT NULL, "kind" text NOT NULL, "recipients" integer NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7635ab3adf0bbadf8b3de26680b" PRIMARY KEY ("edition_id", "subject_id", "kind"))
        `);
    await queryRunner.query(`
            ALTER TABLE "editions" ADD "personal_data_retention_until" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "editions" ADD "personal_data_purged_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "users" ADD "language" text NOT NULL DEFAULT 'en'
        `);
    await queryRunner.query(`
            ALTER TABLE "users" ADD "terms_accepted_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "users" ADD "terms_version" text
        `);
    await queryRunner.query(`
            ALTER TABLE "users" ADD "notify_join_requests" boolean NOT NULL DEFAULT true
        `);
    await queryRunner.query(`
            ALTER TABLE "users" ADD "notify_deadline_reminders" boolean NOT NULL DEFAULT true
        `);
    await queryRunner.query(`
            ALTER TABLE "users" ADD "notify_results" boolean NOT NULL DEFAULT true
        `);
    await queryRunner.query(`
            ALTER TABLE "users" ADD CONSTRAINT "ck_users_language" CHECK (language IN ('en', 'ro'))
        `);
    await queryRunner.query(`
            ALTER TABLE "notifications_sent" ADD CONSTRAINT "FK_a96b261a2e166b78e0cd3b10172" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "notifications_sent" DROP CONSTRAINT "FK_a96b261a2e166b78e0cd3b10172"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "ck_users_language"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "notify_results"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "notify_deadline_reminders"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "notify_join_requests"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "terms_version"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "terms_accepted_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "language"
        `);
    await queryRunner.query(`
            ALTER TABLE "editions" DROP COLUMN "personal_data_purged_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "editions" DROP COLUMN "personal_data_retention_until"
        `);
    await queryRunner.query(`
            DROP TABLE "notifications_sent"
        `);
  }
}
