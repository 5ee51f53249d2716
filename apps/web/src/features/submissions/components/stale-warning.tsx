import type { Submission } from '@ca/shared';
import { Alert, Button, Group, Paper, Spoiler, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n';
import { contentOf } from '../content';
import { formatSavedTime } from '../format';
import { SubmissionContentView } from './submission-content-view';

/**
 * A save was refused because another member saved first (409 STALE_VERSION). Nothing is
 * overwritten on its own: the author sees the newer text and chooses.
 */
export function StaleWarning({
  theirs,
  author,
  challengeTitles,
  busy,
  onLoadTheirs,
  onOverwrite,
}: {
  theirs: Submission | null;
  /** Who saved their version, when the history says. */
  author: string | null;
  challengeTitles: Map<string, string>;
  busy: boolean;
  onLoadTheirs: () => void;
  onOverwrite: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();

  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      title={t('submissions.stale.title')}
      data-testid="stale-warning"
      styles={{ title: { color: 'var(--mantine-color-red-9)' } }}
    >
      <Stack gap="md">
        {theirs && (
          <Text size="sm">
            {t('submissions.stale.body', {
              who: author ?? t('submissions.stale.someone'),
              version: theirs.version,
              time: formatSavedTime(theirs.updatedAt, language),
            })}
          </Text>
        )}
        {theirs && (
          <Paper withBorder p="md" bg="white">
            <Title order={3} size="h6" mb="xs">
              {t('submissions.stale.theirs')}
            </Title>
            <Spoiler
              maxHeight={260}
              showLabel={t('submissions.content.showMore')}
              hideLabel={t('submissions.content.showLess')}
              data-testid="stale-theirs"
            >
              <SubmissionContentView
                content={contentOf(theirs)}
                challengeTitles={challengeTitles}
                headingLevel={4}
                descriptionTestId="stale-description"
              />
            </Spoiler>
          </Paper>
        )}
        <Group gap="md" align="flex-start">
          <Stack gap={2}>
            <Button
              variant="outline"
              color="red.9"
              onClick={onLoadTheirs}
              disabled={busy}
              data-testid="stale-load-theirs"
            >
              {t('submissions.stale.loadTheirs')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('submissions.stale.loadTheirsHint')}
            </Text>
          </Stack>
          <Stack gap={2}>
            <Button color="red.9" onClick={onOverwrite} loading={busy} data-testid="stale-overwrite">
              {t('submissions.stale.overwrite')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('submissions.stale.overwriteHint')}
            </Text>
          </Stack>
        </Group>
      </Stack>
    </Alert>
  );
}
