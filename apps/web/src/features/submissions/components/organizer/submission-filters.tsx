import type { Track } from '@ca/shared';
import { Group, Select } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SubmissionFilterStatus, SubmissionListFilters } from '../../queries';

const STATUSES: SubmissionFilterStatus[] = ['draft', 'submitted', 'disqualified'];
const isFilterStatus = (v: string | null): v is SubmissionFilterStatus =>
  STATUSES.includes(v as SubmissionFilterStatus);

/** The list's filters, kept in the address so that a filtered list can be shared and reloaded. */
export function useSubmissionFilters(tracks: Track[]) {
  const [params, setParams] = useSearchParams();
  const trackParam = params.get('track');
  const statusParam = params.get('status');
  const filters: SubmissionListFilters = {
    trackId: tracks.some((tr) => tr.id === trackParam) ? (trackParam ?? undefined) : undefined,
    status: isFilterStatus(statusParam) ? statusParam : undefined,
  };
  const setFilter = (key: 'track' | 'status', value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return { filters, setFilter };
}

export function SubmissionFilters({
  tracks,
  filters,
  setFilter,
}: {
  tracks: Track[];
  filters: SubmissionListFilters;
  setFilter: (key: 'track' | 'status', value: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="md" align="flex-end" role="search" aria-label={t('submissions.organizer.filters')}>
      <Select
        label={t('submissions.organizer.track')}
        data={[
          { value: '', label: t('submissions.organizer.allTracks') },
          ...tracks.map((tr) => ({ value: tr.id, label: tr.name })),
        ]}
        value={filters.trackId ?? ''}
        onChange={(v) => setFilter('track', v || null)}
        allowDeselect={false}
        w={{ base: '100%', sm: 240 }}
        data-testid="filter-track"
      />
      <Select
        label={t('submissions.organizer.status')}
        data={[
          { value: '', label: t('submissions.organizer.allStatuses') },
          ...STATUSES.map((s) => ({ value: s, label: t(`submissions.status.${s}`) })),
        ]}
        value={filters.status ?? ''}
        onChange={(v) => setFilter('status', v || null)}
        allowDeselect={false}
        w={{ base: '100%', sm: 200 }}
        data-testid="filter-status"
      />
    </Group>
  );
}
