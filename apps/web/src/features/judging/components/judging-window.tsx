import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import type { TimedEdition } from '../../editions/queries';
import { useServerNow } from '../../editions/use-server-now';

export type JudgingWindowState = 'before' | 'open' | 'closed';

/** Where the edition's scoring window stands by the server's clock (docs/scoring.md: deadline to judgingEndsAt). */
export function judgingWindow(
  edition: Pick<TimedEdition, 'submissionDeadline' | 'judgingEndsAt'>,
  now: number,
) {
  if (now < Date.parse(edition.submissionDeadline)) return 'before';
  if (now < Date.parse(edition.judgingEndsAt)) return 'open';
  return 'closed';
}

/** "Judging is open until …" (or opens, or closed), by the server's clock. */
export function JudgingWindow({ edition }: { edition: TimedEdition }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useServerNow(edition.clockOffsetMs);
  const state = judgingWindow(edition, now);
  const text =
    state === 'before'
      ? t('judging.window.before', { at: format.deadline(edition.submissionDeadline) })
      : state === 'open'
        ? t('judging.window.open', { at: format.deadline(edition.judgingEndsAt) })
        : t('judging.window.closed', { at: format.deadline(edition.judgingEndsAt) });
  return (
    <Text size="sm" data-testid="judging-window" data-state={state}>
      {text}
    </Text>
  );
}
