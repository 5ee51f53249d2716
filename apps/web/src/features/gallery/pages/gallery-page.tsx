import { Anchor, Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageLoader, QueryError, QueryPageState } from '../../../components/query-state';
import { editionQueries, type TimedEdition } from '../../editions/queries';
import { GalleryCard } from '../components/gallery-card';
import { isNotPublished, NotPublished } from '../components/not-published';
import { galleryQueries } from '../queries';

/** `/editions/:slug/gallery`: the submitted projects, once the results are published. */
export function GalleryPage() {
  const { slug = '' } = useParams<{ slug: string }>();
  const { t } = useTranslation();
  const query = useQuery(editionQueries.detail(slug));
  useDocumentTitle(
    `${t('gallery.documentTitle', { edition: query.data?.name ?? '…' })} · ${t('common.appName')}`,
  );

  if (query.isPending || query.isError)
    return <QueryPageState query={query} notFoundMessage={t('errors.NOT_FOUND')} />;
  return <Gallery edition={query.data} />;
}

function Gallery({ edition }: { edition: TimedEdition }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const trackParam = params.get('track');
  const trackId = edition.tracks.some((tr) => tr.id === trackParam) ? (trackParam ?? undefined) : undefined;

  // The search lives in the address, so that a search can be shared and survives going back.
  useEffect(() => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (debounced) next.set('q', debounced);
        else next.delete('q');
        return next.toString() === prev.toString() ? prev : next;
      },
      { replace: true },
    );
  }, [debounced, setParams]);

  const filters = { q: debounced || undefined, trackId };
  // `resultsPublished` says whether the gallery is open: no request to be refused (409) before.
  const list = useInfiniteQuery({
    ...galleryQueries.list(edition.id, filters),
    enabled: edition.resultsPublished,
    retry: false,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(filters.q || filters.trackId);

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Anchor component={Link} to={`/editions/${edition.slug}`} size="sm" fw={600}>
          ← {t('gallery.back', { edition: edition.name })}
        </Anchor>
        <Title order={1} className="page-title">
          {t('gallery.title')}
        </Title>
        <Text maw={760}>{t('gallery.intro', { edition: edition.name })}</Text>
      </Stack>

      {!edition.resultsPublished || (list.isError && isNotPublished(list.error)) ? (
        <NotPublished resultsPublishedAt={edition.resultsPublishedAt} />
      ) : (
        <>
          <Group gap="md" align="flex-end" role="search">
            <TextInput
              type="search"
              label={t('gallery.search')}
              description={t('gallery.searchHint')}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              w={{ base: '100%', sm: 360 }}
              data-testid="gallery-search"
            />
            <Select
              label={t('gallery.track')}
              data={[
                { value: '', label: t('gallery.allTracks') },
                ...edition.tracks.map((tr) => ({ value: tr.id, label: tr.name })),
              ]}
              value={trackId ?? ''}
              allowDeselect={false}
              onChange={(v) =>
                setParams(
                  (prev) => {
                    const next = new URLSearchParams(prev);
                    if (v) next.set('track', v);
                    else next.delete('track');
                    return next;
                  },
                  { replace: true },
                )
              }
              w={{ base: '100%', sm: 240 }}
              data-testid="gallery-track"
            />
          </Group>
          {list.isPending ? (
            <PageLoader />
          ) : list.isError ? (
            <QueryError error={list.error} onRetry={() => void list.refetch()} />
          ) : items.length === 0 ? (
            <Text data-testid="gallery-empty">{filtered ? t('gallery.empty') : t('gallery.noneYet')}</Text>
          ) : (
            <Stack gap="md">
              <Text size="sm" c="dimmed" role="status">
                {t('gallery.count', { count: items.length })}
              </Text>
              <SimpleGrid component="ul" cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg" className="plain-list">
                {items.map((item) => (
                  <GalleryCard key={item.submissionId} item={item} editionSlug={edition.slug} />
                ))}
              </SimpleGrid>
              {list.hasNextPage && (
                <Button
                  variant="outline"
                  onClick={() => void list.fetchNextPage()}
                  loading={list.isFetchingNextPage}
                  style={{ alignSelf: 'center' }}
                >
                  {t('gallery.more')}
                </Button>
              )}
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}
