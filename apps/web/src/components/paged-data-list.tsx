import type { Page } from '@ca/shared';
import { Stack, Text } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataList, LoadMore, type Column } from './data-list';
import { PageLoader, QueryError } from './query-state';

/**
 * A list that comes page by page from an infinite query: a loader while the first page comes, the
 * error with a retry, the `empty` text when there is nothing, else the `DataList` of every page
 * loaded so far and "show more" while there is a next page.
 */
export function PagedDataList<T>({
  query,
  empty,
  emptyTestId,
  caption,
  moreLabel,
  ...list
}: {
  query: UseInfiniteQueryResult<InfiniteData<Page<T>>>;
  /** Shown when the list is empty (with `emptyTestId`). */
  empty: ReactNode;
  emptyTestId?: string;
  /** Said above the list, from the number of rows shown. */
  caption?: (count: number) => string;
  /** The "show more" button's label; `organizer.lists.more` by default. */
  moreLabel?: string;
  rowKey: (row: T) => string;
  columns: Column<T>[];
  actions?: (row: T) => ReactNode;
  actionsHeader?: string;
  testId?: string;
  rowTestId?: string;
  minWidth?: number;
}) {
  const { t } = useTranslation();
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="lg">
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : rows.length === 0 ? (
        <Text data-testid={emptyTestId}>{empty}</Text>
      ) : (
        <DataList rows={rows} caption={caption?.(rows.length)} {...list} />
      )}
      <LoadMore
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        onMore={() => void query.fetchNextPage()}
        label={moreLabel ?? t('organizer.lists.more')}
      />
    </Stack>
  );
}
