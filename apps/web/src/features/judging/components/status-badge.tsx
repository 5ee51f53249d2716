import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RouteStatus } from '../scoring';

/**
 * Flags' orange: Mantine's darkest orange (#d9480f) gives white text only 4.3:1; this one 5.7:1
 * (and as text on white).
 */
export const FLAG_COLOR = '#b83d0d';

/** Colours with a 4.5:1 contrast for their white text; the word says it, the colour only helps. */
const COLOR: Record<RouteStatus, string> = {
  todo: 'gray.7',
  done: 'teal.9',
  queued: 'blue.8',
  flagged: FLAG_COLOR,
  conflicted: 'grape.8',
  refused: 'red.9',
};

const MARK: Record<RouteStatus, string> = {
  todo: '○',
  done: '✓',
  queued: '↻',
  flagged: '⚑',
  conflicted: '⊘',
  refused: '!',
};

/** A project's state on the juror's route: to do, done, waiting to be sent, flagged, refused… */
export function StatusBadge({ status }: { status: RouteStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COLOR[status]}
      variant="filled"
      size="lg"
      radius="sm"
      tt="none"
      className="status-badge"
      data-testid="status-badge"
      data-status={status}
      leftSection={<span aria-hidden="true">{MARK[status]}</span>}
    >
      {t(`judging.status.${status}`)}
    </Badge>
  );
}

/** A big button whose label may take two lines (long team names, Romanian) instead of being cut. */
export const WRAPPING_BUTTON = {
  root: { height: 'auto', minHeight: 'var(--button-height)', paddingBlock: 8 },
  label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.3 },
  inner: { height: 'auto' },
} as const;
