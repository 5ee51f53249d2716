import type { Phase } from '@ca/shared';
import { Badge, VisuallyHidden, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Dark shades only: white text on each of them keeps at least 4.5:1 contrast. */
const PHASE_COLOR: Record<Phase, MantineColor> = {
  draft: 'gray.7',
  upcoming: 'indigo.8',
  registration: 'blue.8',
  hacking: 'grape.8',
  judging: 'pink.8',
  finished: 'teal.9',
};

export function PhaseBadge({ phase, size = 'md' }: { phase: Phase; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={PHASE_COLOR[phase]} variant="filled" size={size} data-testid="phase-badge">
      <VisuallyHidden>{t('editions.phase.label')}: </VisuallyHidden>
      {t(`editions.phase.${phase}`)}
    </Badge>
  );
}
