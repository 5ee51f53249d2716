import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import { remaining } from '../../editions/timeline';
import { clockOf } from '../format';

/**
 * The team's deadline and the time left on the server's clock (`now` is server time, from
 * `useServerNow` with the edition's clock offset).
 */
export function DeadlineCard({
  deadline,
  extended,
  now,
}: {
  deadline: string;
  extended: boolean;
  now: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const left = Date.parse(deadline) - now;
  const r = remaining(left);
  const time = clockOf(r.hours, r.minutes, r.seconds);

  return (
    <Card withBorder padding="md" bg={left > 0 ? 'blue.0' : 'gray.0'} data-testid="submission-deadline">
      <Stack gap={4}>
        <Group gap="xs">
          <Title order={2} size="h5">
            {extended ? t('submissions.deadline.extended') : t('submissions.deadline.title')}
          </Title>
          {extended && (
            <Badge color="indigo.8" variant="filled" size="sm">
              {t('submissions.organizer.extendedBadge')}
            </Badge>
          )}
        </Group>
        <Text fw={600}>
          <time dateTime={deadline}>{format.deadline(deadline)}</time>
        </Text>
        {/* A timer, not a live region: announcing every second would drown everything else. */}
        <Text
          role="timer"
          aria-atomic="true"
          className="submission-countdown"
          data-testid="deadline-countdown"
        >
          {left <= 0
            ? t('submissions.deadline.passed')
            : r.days > 0
              ? t('submissions.deadline.left', { count: r.days, time })
              : t('submissions.deadline.leftToday', { time })}
        </Text>
      </Stack>
    </Card>
  );
}
