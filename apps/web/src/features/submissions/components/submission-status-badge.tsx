import type { Submission } from '@ca/shared';
import { Badge, VisuallyHidden, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type SubmissionBadgeStatus = 'draft' | 'submitted' | 'disqualified';

/** Dark shades: white text keeps at least 4.5:1 on each. */
const COLOR: Record<SubmissionBadgeStatus, MantineColor> = {
  draft: 'gray.7',
  submitted: 'teal.9',
  disqualified: 'red.9',
};

export const badgeStatusOf = (
  s: Pick<Submission, 'status' | 'disqualified'> | null,
): SubmissionBadgeStatus => (s?.disqualified ? 'disqualified' : (s?.status ?? 'draft'));

export function SubmissionStatusBadge({
  status,
  size = 'md',
}: {
  status: SubmissionBadgeStatus;
  size?: 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant="filled" size={size} data-testid="submission-status">
      <VisuallyHidden>{t('submissions.status.label')}: </VisuallyHidden>
      {t(`submissions.status.${status}`)}
    </Badge>
  );
}
