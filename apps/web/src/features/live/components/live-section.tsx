import { Anchor, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import type { Edition } from '@ca/shared';
import { useTranslation } from 'react-i18next';
import { useScreenState } from '../../screen/use-screen-state';
import { AnnouncementsPanel } from './announcements-panel';
import { AwardsPanel } from './awards-panel';
import { CoveragePanel } from './coverage-panel';
import { FreezePanel } from './freeze-panel';
import { LiveBoard } from './live-board';
import { LiveIndicator } from './live-indicator';
import { RevealPanel } from './reveal-panel';
import { ScreenPreview } from './screen-preview';

/**
 * The organizer's live console for one edition: freeze and publish, the reveal, announcements,
 * awards, a preview of the event screen, the live board and judging coverage. It follows the
 * edition's room like a screen does, so the reveal's step shown here is the one the hall sees.
 */
export function LiveSection({ edition }: { edition: Edition }) {
  const { t } = useTranslation();
  const live = useScreenState(edition.id);
  return (
    <Stack gap="lg" data-testid="live-console">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{t('live.title')}</Title>
          <Text maw={720}>{t('live.intro')}</Text>
        </Stack>
        <LiveIndicator />
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="lg">
            <FreezePanel edition={edition} offsetMs={live.offsetMs} />
            <RevealPanel edition={edition} reveal={live.reveal} />
            <AnnouncementsPanel editionId={edition.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="lg">
            <Card withBorder padding="lg">
              <Stack gap="xs">
                <Group justify="space-between">
                  <Title order={3}>{t('live.preview')}</Title>
                  <Anchor href={`/screen/${edition.slug}`} target="_blank" rel="noopener" fw={600}>
                    {t('live.openScreen')}
                  </Anchor>
                </Group>
                <ScreenPreview slug={edition.slug} />
              </Stack>
            </Card>
            <Card withBorder padding="lg">
              <LiveBoard editionId={edition.id} trackId={null} title={t('live.board.title')} />
            </Card>
            <CoveragePanel editionId={edition.id} />
          </Stack>
        </Grid.Col>
      </Grid>
      <AwardsPanel edition={edition} />
    </Stack>
  );
}
