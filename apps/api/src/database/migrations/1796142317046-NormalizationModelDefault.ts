import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * New editions rank with the juror-effects model (issue 14: the fairness lab's best method on the
 * data). Only the column default changes: every existing edition keeps the normalization it holds.
 */
export class NormalizationModelDefault1796142317046 implements MigrationInterface {
  name = 'NormalizationModelDefault1796142317046';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "editions" ALTER COLUMN "normalization" SET DEFAULT 'model'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "editions" ALTER COLUMN "normalization" SET DEFAULT 'zscore'
        `);
  }
}
