import { Button, Card, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TimedEdition } from '../../editions/queries';
import { useResultsPublished } from '../results-published';

/** On "My team", once the results are published: the way to the team's own result. */
export function TeamResultLink({ teamId, edition }: { teamId: string; edition: TimedEdition }) {
  const { t } = useTranslation();
  if (!useResultsPublished(edition)) return null;
  return (
    <Card withBorder padding="lg" data-testid="team-result-card">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text fw={600}>{t('ranking.team.out')}</Text>
        <Button component={Link} to={`/teams/${teamId}/result`} data-testid="open-team-result">
          {t('ranking.team.open')}
        </Button>
      </Group>
    </Card>
  );
}
