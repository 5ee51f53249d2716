import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { editionIdsWithRole, useAuth } from '../../auth/queries';
import { editionQueries } from '../../editions/queries';

/**
 * On the home page, for jurors: their jury work one tap away (on a phone the header's links sit
 * behind the burger), for every edition whose judging has not ended.
 */
export function JurorCallout() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const ids = editionIdsWithRole(me, 'juror');
  const editions = useQuery({ ...editionQueries.list(), enabled: ids.length > 0 });
  const mine = (editions.data?.items ?? []).filter((e) => ids.includes(e.id) && e.phase !== 'finished');
  if (mine.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-label={t('judging.callout.label')}>
      {mine.map((e) => (
        <Card key={e.id} withBorder padding="md" className="juror-callout" data-testid="juror-callout">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Text fw={600}>{t('judging.callout.text', { edition: e.name })}</Text>
            <Button component={Link} to={`/jury/${e.slug}`} size="md" data-testid="juror-callout-link">
              {t('judging.callout.action')}
            </Button>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
