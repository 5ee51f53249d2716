import type { SubmissionVersion } from '@ca/shared';
import { Anchor, Badge, Button, Drawer, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader, QueryError } from '../../../components/query-state';
import { useFormat } from '../../../lib/format';
import { contentOf } from '../content';
import { submissionQueries } from '../queries';
import { SubmissionContentView } from './submission-content-view';

/** Every version of the team's submission, newest first: who, when, and what it said. */
export function VersionHistoryDrawer({
  teamId,
  opened,
  onClose,
  challengeTitles,
}: {
  teamId: string;
  opened: boolean;
  onClose: () => void;
  challengeTitles: Map<string, string>;
}) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<SubmissionVersion | null>(null);
  const close = () => {
    setSelected(null);
    onClose();
  };

  return (
    <Drawer
      opened={opened}
      onClose={close}
      position="right"
      size="lg"
      title={<strong>{t('submissions.history.title')}</strong>}
      closeButtonProps={{ 'aria-label': t('submissions.history.close') }}
      data-testid="history-drawer"
    >
      {opened &&
        (selected ? (
          <Stack gap="md">
            <Anchor component="button" type="button" fw={600} onClick={() => setSelected(null)} ta="left">
              ← {t('submissions.history.back')}
            </Anchor>
            <VersionHeading version={selected} />
            <SubmissionContentView
              content={contentOf(selected.snapshot)}
              challengeTitles={challengeTitles}
              headingLevel={2}
              descriptionTestId="version-description"
            />
          </Stack>
        ) : (
          <VersionList teamId={teamId} onSelect={setSelected} />
        ))}
    </Drawer>
  );
}

/** Dark shades: white text keeps at least 4.5:1 on each. */
const ACTION_COLOR = { save: 'gray.7', submit: 'teal.9', unsubmit: 'orange.9' } as const;

/**
 * One history entry: one person's saves close together are one entry ("Versions 3–7, 5 saves"),
 * a submit or a withdrawal an entry of its own; one badge says which.
 */
function VersionHeading({ version }: { version: SubmissionVersion }) {
  const { t } = useTranslation();
  const format = useFormat();
  const merged = version.saves > 1 && version.firstVersion < version.version;
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Text fw={700}>
          {merged
            ? t('submissions.history.entries', { first: version.firstVersion, last: version.version })
            : t('submissions.history.entry', { version: version.version })}
        </Text>
        <Badge variant="filled" color={ACTION_COLOR[version.action]} size="sm" data-testid="version-action">
          {t(`submissions.history.action.${version.action}`)}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('submissions.history.by', { name: version.authorName ?? t('submissions.history.unknownAuthor') })}
        {' · '}
        {merged ? (
          <>
            {t('submissions.history.saves', { count: version.saves })}
            {', '}
            <time dateTime={version.startedAt}>{format.dateTime(version.startedAt)}</time>
            {' – '}
            <time dateTime={version.createdAt}>{format.time(version.createdAt)}</time>
          </>
        ) : (
          <time dateTime={version.createdAt}>{format.dateTime(version.createdAt)}</time>
        )}
      </Text>
    </Stack>
  );
}

function VersionList({ teamId, onSelect }: { teamId: string; onSelect: (v: SubmissionVersion) => void }) {
  const { t } = useTranslation();
  const query = useInfiniteQuery(submissionQueries.versions(teamId));
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const versions = query.data.pages.flatMap((p) => p.items);
  if (versions.length === 0) return <Text>{t('submissions.history.empty')}</Text>;

  return (
    <Stack gap="sm">
      <ol className="plain-list" data-testid="version-list">
        {versions.map((v) => (
          <li key={`${v.firstVersion}-${v.version}`} data-testid="version-entry">
            <UnstyledButton onClick={() => onSelect(v)} className="version-entry" w="100%" p="sm">
              <VersionHeading version={v} />
            </UnstyledButton>
          </li>
        ))}
      </ol>
      {query.hasNextPage && (
        <Button
          variant="outline"
          onClick={() => void query.fetchNextPage()}
          loading={query.isFetchingNextPage}
        >
          {t('submissions.history.more')}
        </Button>
      )}
    </Stack>
  );
}
