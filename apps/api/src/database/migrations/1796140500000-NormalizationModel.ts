import { MigrationInterface, QueryRunner } from 'typeorm';

/** The juror-effects model (`normalization: "model"`, issue 14) becomes a value an edition may hold. */
export class NormalizationModel1796140500000 implements MigrationInterface {
  name = 'NormalizationModel1796140500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "editions" DROP CONSTRAINT "ck_editions_normalization"
        `);
    await queryRunner.query(`
            ALTER TABLE "editions"
            ADD CONSTRAINT "ck_editions_normalization" CHECK (
                    normalization IN ('none', 'zscore', 'model')
                )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "editions" DROP CONSTRAINT "ck_editions_normalization"
        `);
    await queryRunner.query(`
            ALTER TABLE "editions"
            ADD CONSTRAINT "ck_editions_normalization" CHECK (normalization IN ('none', 'zscore'))
        `);
  }
}
