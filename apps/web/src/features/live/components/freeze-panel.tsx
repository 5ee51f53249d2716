import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { Edition } from '@ca/shared';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error';
import { useFormat } from '../../../lib/format';
import { useUpdateEdition } from '../../organizer/mutations';

/**
 * Freeze and unfreeze the public board (`leaderboardFreezeAt`), publish or withdraw the results
 * (`resultsPublishedAt`). "Now" is the server's clock as this page knows it.
 */
export function FreezePanel({ edition, offsetMs }: { edition: Edition; offsetMs: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const update = useUpdateEdition(edition.id);
  const now = () => new Date(Date.now() + offsetMs).toISOString();
  const frozen = edition.leaderboardFreezeAt;
  const published = edition.resultsPublishedAt;
  return (
    <Card withBorder padding="lg" data-testid="live-freeze">
      <Stack gap="sm">
        <Title order={3}>{t('live.freeze.title')}</Title>
        <Text>
          {frozen
            ? t('live.freeze.frozenSince', { at: format.dateTime(frozen) })
            : t('live.freeze.notFrozen')}
        </Text>
        <Text>
          {published
            ? t('live.freeze.published', { at: format.dateTime(published) })
            : t('live.freeze.notPublished')}
        </Text>
        <Group gap="sm">
          <Button
            loading={update.isPending}
            variant={frozen ? 'outline' : 'filled'}
            onClick={() => update.mutate({ leaderboardFreezeAt: frozen ? null : now() })}
            data-testid="freeze-toggle"
          >
            {frozen ? t('live.freeze.unfreeze') : t('live.freeze.freeze')}
          </Button>
          <Button
            loading={update.isPending}
            variant={published ? 'outline' : 'filled'}
            color="teal.9"
            onClick={() => update.mutate({ resultsPublishedAt: published ? null : now() })}
            data-testid="publish-results"
          >
            {published ? t('live.freeze.unpublish') : t('live.freeze.publish')}
          </Button>
        </Group>
        <FormError error={update.error} />
      </Stack>
    </Card>
  );
}
