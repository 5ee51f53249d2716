import { DomainError } from '../../common/errors/domain-error';
import { EXPORT_KINDS } from '@ca/shared';

export const unknownExport = (kind: string) =>
  new DomainError(
    'NOT_FOUND',
    `Export ${JSON.stringify(kind)} not found (one of ${EXPORT_KINDS.join(', ')})`,
  );
