import type { SubmissionListItem } from '@ca/shared';
import { Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../../components/data-list';
import { PageLoader, QueryError } from '../../../components/query-state';
import { useConsoleEdition } from '../../organizer/console/console-context';
import { SectionHeader } from '../../organizer/console/section-header';
import { DisqualifyModal } from '../components/organizer/disqualify-modal';
import { ExtensionModal } from '../components/organizer/extension-modal';
import { SubmissionFilters, useSubmissionFilters } from '../components/organizer/submission-filters';
import { SubmissionViewModal } from '../components/organizer/submission-view-modal';
import { SubmissionsList, type SubmissionAction } from '../components/organizer/submissions-list';
import { submissionQueries } from '../queries';

/**
 * The console's Submissions section (`/organize/editions/:slug/submissions`): every project of
 * the edition, filtered by track and status, with its view, extension and disqualification.
 */
export function OrganizerSubmissionsPage() {
  const { t } = useTranslation();
  const edition = useConsoleEdition();
  const { filters, setFilter } = useSubmissionFilters(edition.tracks);
  const list = useInfiniteQuery(submissionQueries.editionList(edition.id, filters));
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const trackNames = useMemo(() => new Map(edition.tracks.map((tr) => [tr.id, tr.name])), [edition.tracks]);
  const challengeTitles = useMemo(
    () => new Map(edition.tracks.flatMap((tr) => tr.challenges.map((c) => [c.id, c.title] as const))),
    [edition.tracks],
  );
  const [dialog, setDialog] = useState<{ action: SubmissionAction; item: SubmissionListItem } | null>(null);
  const close = () => setDialog(null);

  return (
    <Stack gap="lg">
      <SectionHeader
        title={t('submissions.organizer.title')}
        intro={t('submissions.organizer.intro')}
        documentTitle={t('submissions.organizer.documentTitle', { edition: edition.name })}
      />
      <SubmissionFilters tracks={edition.tracks} filters={filters} setFilter={setFilter} />
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Text data-testid="submissions-empty">{t('submissions.organizer.empty')}</Text>
      ) : (
        <SubmissionsList
          edition={edition}
          items={items}
          trackNames={trackNames}
          onAction={(action, item) => setDialog({ action, item })}
        />
      )}
      <LoadMore
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onMore={() => void list.fetchNextPage()}
        label={t('submissions.organizer.more')}
      />

      {dialog?.action === 'view' && (
        <SubmissionViewModal
          item={dialog.item}
          trackName={trackNames.get(dialog.item.trackId)}
          challengeTitles={challengeTitles}
          onClose={close}
        />
      )}
      {dialog?.action === 'extend' && <ExtensionModal edition={edition} item={dialog.item} onClose={close} />}
      {dialog?.action === 'disqualify' && (
        <DisqualifyModal editionId={edition.id} item={dialog.item} onClose={close} />
      )}
    </Stack>
  );
}
