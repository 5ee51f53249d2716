import type { Page } from '@ca/shared';
import { Checkbox, Group, Stack, Text } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DataList, LoadMore, type Column } from '../../../components/data-list';
import { PageLoader, QueryError } from '../../../components/query-state';

/**
 * The team-finder's filters live in the address (so that a link keeps them): the current
 * parameters, and a setter that drops a parameter set to null or '' (replacing the history entry).
 */
export function useFinderParams() {
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string | null) =>
    setParams(
      (p) => {
        if (value) p.set(key, value);
        else p.delete(key);
        return p;
      },
      { replace: true },
    );
  return [params, set] as const;
}

/**
 * One filter row of the team-finder: its own field (a skill, a track) and the "only …" checkbox
 * beside it, as a search landmark.
 */
export function FinderFilterRow({
  children,
  only,
}: {
  /** The row's field. */
  children: ReactNode;
  only: { label: string; checked: boolean; onChange: (checked: boolean) => void };
}) {
  const { t } = useTranslation();
  return (
    <Group gap="md" align="flex-end" wrap="wrap" role="search" aria-label={t('teams.finder.filters')}>
      {children}
      <Checkbox
        label={only.label}
        checked={only.checked}
        onChange={(e) => only.onChange(e.currentTarget.checked)}
        mb={8}
      />
    </Group>
  );
}

/** A team-finder list: loading, error, "none match" or the rows, then "more" while pages remain. */
export function FinderResults<T>({
  query,
  empty,
  emptyTestId,
  columns,
  rowKey,
  actions,
  caption,
  testId,
  rowTestId,
  footer,
}: {
  query: UseInfiniteQueryResult<InfiniteData<Page<T>>>;
  empty: string;
  emptyTestId: string;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  actions?: (row: T) => ReactNode;
  caption: (count: number) => string;
  testId: string;
  rowTestId: string;
  /** Between the list and "more" (a hint about the actions). */
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md">
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : rows.length === 0 ? (
        <Text data-testid={emptyTestId}>{empty}</Text>
      ) : (
        <DataList
          rows={rows}
          rowKey={rowKey}
          columns={columns}
          actions={actions}
          actionsHeader={t('teams.finder.actions')}
          caption={caption(rows.length)}
          testId={testId}
          rowTestId={rowTestId}
        />
      )}
      {footer}
      <LoadMore
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        onMore={() => void query.fetchNextPage()}
        label={t('teams.finder.more')}
      />
    </Stack>
  );
}
