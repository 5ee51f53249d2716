import type { Edition } from '@ca/shared';
import { Anchor, Card, Group, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/format';
import { editionQueries } from '../queries';
import { PhaseBadge } from './phase-badge';

/** One edition in the home list; the whole card is the link (its title is the link's name). */
export function EditionCard({ edition }: { edition: Edition }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  // Start loading the edition as soon as someone shows interest, so the page opens ready.
  const prefetch = () => void queryClient.prefetchQuery(editionQueries.detail(edition.slug));

  return (
    <Card component="li" withBorder padding="lg" className="edition-card" data-testid="edition-card">
      <Title order={2} size="h3" mb="xs">
        <Anchor
          component={Link}
          to={`/editions/${edition.slug}`}
          className="stretched-link"
          inherit
          c="inherit"
          onMouseEnter={prefetch}
          onFocus={prefetch}
        >
          {edition.name}
        </Anchor>
      </Title>
      <Group gap="sm" mb="xs">
        <PhaseBadge phase={edition.phase} />
        <Text size="sm" fw={600}>
          {t('editions.list.hacking', {
            from: format.date(edition.hackingStartsAt),
            to: format.date(edition.submissionDeadline),
          })}
        </Text>
      </Group>
      <Text size="sm" c="dimmed" lineClamp={3} mb="sm">
        {edition.description}
      </Text>
      <Text size="sm" c="blue.9" fw={600} aria-hidden="true">
        {t('editions.list.open')} →
      </Text>
    </Card>
  );
}
