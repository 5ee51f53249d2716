import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';

/**
 * The rule "criteria cannot change once any sheet exists", for the editions module (which owns
 * the criteria and calls this in its writing transaction, with the edition's row locked; sheet
 * writers share-lock that row, so a sheet cannot slip in between the check and the change).
 */
@Injectable()
export class CriteriaLock {
  async assertEditable(manager: EntityManager, editionId: string): Promise<void> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM score_sheets WHERE edition_id = $1 LIMIT 1', [
      editionId,
    ]);
    if (rows.length > 0) {
      throw new DomainError(
        'PHASE_CLOSED',
        'The criteria can no longer change: jurors have already saved score sheets with them',
      );
    }
  }
}
