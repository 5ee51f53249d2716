import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import type { Milestone } from '../next-step';
import type { TimedEdition } from '../queries';
import { nextEntry, remaining, timelineEntries, type Remaining } from '../timeline';
import { useServerNow } from '../use-server-now';

const UNITS: (keyof Remaining)[] = ['days', 'hours', 'minutes', 'seconds'];

/**
 * Time left until the edition's next instant, on the server's clock. `onBoundary` runs when an
 * instant passes, so that the page can refetch the phase the server now derives.
 */
export function EditionCountdown({
  edition,
  onBoundary,
  milestone,
}: {
  edition: TimedEdition;
  onBoundary: () => void;
  /** What to count down to (the instant that matters to this person); the next instant when absent. */
  milestone?: Milestone | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useServerNow(edition.clockOffsetMs);
  const entries = useMemo(() => timelineEntries(edition), [edition]);
  const next = nextEntry(entries, now);

  // Refetch once per instant that passes. A refetch brings a new clock offset, which may move
  // the countdown back across the instant for a moment; that must not refetch again.
  const nextMs = next?.ms;
  const previousNextMs = useRef(nextMs);
  const announced = useRef(new Set<number>());
  useEffect(() => {
    const passed = previousNextMs.current;
    previousNextMs.current = nextMs;
    if (passed === undefined || passed === nextMs || passed > now || announced.current.has(passed)) return;
    announced.current.add(passed);
    onBoundary();
  }, [nextMs, now, onBoundary]);

  const target =
    milestone === undefined
      ? next && { label: t(`editions.timeline.${next.field}`), at: next.at }
      : milestone && { label: t(`editions.milestone.${milestone.key}`), at: milestone.at };

  if (!target) {
    return (
      <Card withBorder padding="lg" data-testid="edition-countdown">
        <Text fw={600}>{t('editions.countdown.finished')}</Text>
      </Card>
    );
  }

  const left = remaining(Date.parse(target.at) - now);
  return (
    <Card withBorder padding="lg" bg="blue.0" data-testid="edition-countdown">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('editions.countdown.title')}
        </Title>
        <Text fw={600}>
          {t('editions.countdown.until', { event: target.label })}
          {' · '}
          <time dateTime={target.at}>{format.deadline(target.at)}</time>
        </Text>
        {/* A timer is not live by default: announcing every second would drown everything else. */}
        <Group gap="sm" role="timer" aria-atomic="true" wrap="nowrap">
          {UNITS.map((unit) => (
            <Stack key={unit} gap={0} align="center" className="countdown-unit">
              <Text component="span" className="countdown-value">
                {String(left[unit]).padStart(2, '0')}
              </Text>
              <Text component="span" size="sm" c="dimmed">
                {` ${t(`editions.countdown.${unit}`, { count: left[unit] })} `}
              </Text>
            </Stack>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}
