import { Badge, Group, Text, Timeline } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import type { TimedEdition } from '../queries';
import { timelineEntries } from '../timeline';
import { useServerNow } from '../use-server-now';

/** The edition's instants in order; past ones are filled in and marked done, the next is marked. */
export function EditionTimeline({ edition }: { edition: TimedEdition }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useServerNow(edition.clockOffsetMs);
  const entries = useMemo(() => timelineEntries(edition), [edition]);
  const passed = entries.filter((e) => e.ms <= now).length;

  return (
    <Timeline active={passed - 1} bulletSize={20} lineWidth={3} color="blue.8" data-testid="edition-timeline">
      {entries.map((entry, index) => (
        <Timeline.Item
          key={entry.field}
          data-testid={`timeline-${entry.field}`}
          title={
            <Group gap="xs" component="span">
              <Text component="span" fw={700}>
                {t(`editions.timeline.${entry.field}`)}
              </Text>
              {index < passed && (
                <Badge size="sm" variant="light" color="gray">
                  {t('editions.timeline.past')}
                </Badge>
              )}
              {index === passed && (
                <Badge size="sm" variant="filled" color="blue.8">
                  {t('editions.timeline.next')}
                </Badge>
              )}
            </Group>
          }
        >
          <Text size="sm" c="dimmed">
            <time dateTime={entry.at}>{format.deadline(entry.at)}</time>
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
