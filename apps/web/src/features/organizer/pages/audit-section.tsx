import type { AuditEntry } from '@ca/shared';
import {
  Button,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type Column } from '../../../components/data-list';
import { PagedDataList } from '../../../components/paged-data-list';
import { useFormat } from '../../../lib/format';
import { resources } from '../../../lib/i18n';
import { useConsoleEdition } from '../console/console-context';
import { SectionHeader } from '../console/section-header';
import { auditDiff } from '../dashboard/audit-diff';
import { dashboardQueries, type AuditFilters } from '../dashboard/queries';

/** The actions and entities the log names (their labels are in the locale files). */
const ACTIONS = Object.entries(resources.en.translation.console.audit.actions).flatMap(([entity, verbs]) =>
  Object.keys(verbs).map((verb) => `${entity}.${verb}`),
);
const ENTITIES = Object.keys(resources.en.translation.console.audit.entities);

/** A picked day (`YYYY-MM-DD`, the reader's time zone) as the instant it starts. */
const dayStart = (day: string, plusDays = 0) => dayjs(day).startOf('day').add(plusDays, 'day').toISOString();

/**
 * The audit log: who changed what and when, newest first, page by page, filtered by who, action,
 * entity and days (in the address, so a filtered view can be shared). "Without an edition" shows
 * the entries that belong to none (accounts disabled, organizers made). Each entry shows its
 * difference: the fields that changed, old → new.
 */
export function AuditSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const edition = useConsoleEdition();
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | null>) =>
    setParams(
      (p) => {
        for (const [key, value] of Object.entries(changes)) {
          if (value) p.set(key, value);
          else p.delete(key);
        }
        return p;
      },
      { replace: true },
    );
  const global = params.get('scope') === 'global';
  const from = params.get('from');
  const to = params.get('to');
  const filters: AuditFilters = {
    editionId: global ? null : edition.id,
    actorId: params.get('actor') ?? undefined,
    action: params.get('action') ?? undefined,
    entity: params.get('entity') ?? undefined,
    from: from ? dayStart(from) : undefined,
    to: to ? dayStart(to, 1) : undefined,
  };
  const list = useInfiniteQuery(dashboardQueries.audit(filters));

  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 300);
  const users = useQuery({ ...dashboardQueries.users(query), enabled: query.trim().length >= 2 });
  const actorId = params.get('actor');
  const actorName = params.get('who');
  const actorOptions = [
    ...(actorId && actorName ? [{ value: actorId, label: actorName }] : []),
    ...(users.data?.items ?? [])
      .filter((u) => u.id !== actorId)
      .map((u) => ({ value: u.id, label: `${u.name} · ${u.email}` })),
  ];

  const actionLabel = (action: string) => t(`console.audit.actions.${action}`, { defaultValue: action });
  const entityLabel = (entity: string) => t(`console.audit.entities.${entity}`, { defaultValue: entity });
  const anyFilter = ['actor', 'action', 'entity', 'from', 'to'].some((k) => params.has(k));

  const columns: Column<AuditEntry>[] = [
    {
      key: 'action',
      header: t('console.audit.action'),
      cell: (e) => (
        <Stack gap={0}>
          <span>{actionLabel(e.action)}</span>
          <Text span size="xs" c="dimmed" ff="monospace">
            {e.action}
          </Text>
        </Stack>
      ),
    },
    { key: 'when', header: t('console.audit.when'), cell: (e) => format.dateTime(e.at) },
    {
      key: 'who',
      header: t('console.audit.actor'),
      cell: (e) =>
        e.actorId ? (
          <UnstyledButton
            onClick={() => set({ actor: e.actorId, who: e.actorName ?? e.actorId })}
            td="underline"
            fz="sm"
            aria-label={`${t('console.audit.actor')}: ${e.actorName ?? e.actorId}`}
          >
            {e.actorName ?? e.actorId}
          </UnstyledButton>
        ) : (
          <Text span size="sm" c="dimmed">
            {t('console.audit.system')}
          </Text>
        ),
    },
    {
      key: 'what',
      header: t('console.audit.what'),
      cell: (e) => (
        <Stack gap={0}>
          <span>{entityLabel(e.entity)}</span>
          <Text span size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
            {e.entityId}
          </Text>
        </Stack>
      ),
    },
    { key: 'changes', header: t('console.audit.changes'), wide: true, cell: (e) => <EntryDiff entry={e} /> },
  ];

  return (
    <Stack gap="lg">
      <SectionHeader title={t('organizer.console.sections.audit')} intro={t('console.audit.intro')} />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="audit-scope-label">
          {t('console.audit.scope')}
        </Text>
        <SegmentedControl
          aria-labelledby="audit-scope-label"
          value={global ? 'global' : 'edition'}
          onChange={(v) => set({ scope: v === 'global' ? 'global' : null })}
          data={[
            { value: 'edition', label: t('console.audit.scopeEdition') },
            { value: 'global', label: t('console.audit.scopeGlobal') },
          ]}
          style={{ alignSelf: 'flex-start' }}
          data-testid="audit-scope"
        />
        {global && (
          <Text size="sm" c="dimmed">
            {t('console.audit.scopeGlobalHint')}
          </Text>
        )}
      </Stack>
      <Group gap="md" align="flex-end" wrap="wrap" role="search" aria-label={t('organizer.lists.filters')}>
        <Select
          label={t('console.audit.actor')}
          placeholder={t('console.audit.actorPlaceholder')}
          searchable
          clearable
          searchValue={search}
          onSearchChange={setSearch}
          data={actorOptions}
          value={actorId}
          onChange={(value, option) =>
            set({ actor: value, who: value && option ? option.label.split(' · ')[0]! : null })
          }
          filter={({ options }) => options}
          nothingFoundMessage={query.trim().length >= 2 && !users.isFetching ? '—' : undefined}
          w={{ base: '100%', sm: 260 }}
          data-testid="audit-filter-actor"
        />
        <Select
          label={t('console.audit.action')}
          searchable
          data={[
            { value: '', label: t('console.audit.anyAction') },
            ...ACTIONS.map((a) => ({ value: a, label: actionLabel(a) })).sort((a, b) =>
              a.label.localeCompare(b.label, format.language),
            ),
          ]}
          value={params.get('action') ?? ''}
          onChange={(v) => set({ action: v || null })}
          allowDeselect={false}
          w={{ base: '100%', sm: 240 }}
          data-testid="audit-filter-action"
        />
        <Select
          label={t('console.audit.entity')}
          data={[
            { value: '', label: t('console.audit.anyEntity') },
            ...ENTITIES.map((e) => ({ value: e, label: entityLabel(e) })).sort((a, b) =>
              a.label.localeCompare(b.label, format.language),
            ),
          ]}
          value={params.get('entity') ?? ''}
          onChange={(v) => set({ entity: v || null })}
          allowDeselect={false}
          w={{ base: '100%', sm: 200 }}
          data-testid="audit-filter-entity"
        />
        <DatePickerInput
          label={t('console.audit.from')}
          clearable
          value={from}
          onChange={(v) => set({ from: v })}
          valueFormat="D MMM YYYY"
          maxDate={to ?? undefined}
          w={{ base: '100%', sm: 160 }}
          data-testid="audit-filter-from"
        />
        <DatePickerInput
          label={t('console.audit.to')}
          clearable
          value={to}
          onChange={(v) => set({ to: v })}
          valueFormat="D MMM YYYY"
          minDate={from ?? undefined}
          w={{ base: '100%', sm: 160 }}
          data-testid="audit-filter-to"
        />
        {anyFilter && (
          <Button
            variant="subtle"
            onClick={() => set({ actor: null, who: null, action: null, entity: null, from: null, to: null })}
          >
            {t('console.audit.clear')}
          </Button>
        )}
      </Group>
      <PagedDataList
        query={list}
        empty={t('console.audit.empty')}
        emptyTestId="audit-empty"
        rowKey={(e) => e.id}
        columns={columns}
        caption={(count) => t('console.audit.caption', { count })}
        testId="audit-list"
        rowTestId="audit-row"
        minWidth={760}
      />
    </Stack>
  );
}

/** Old values struck through in dark red, new ones in dark green (both above 4.5:1 on white and on a striped row). */
const BEFORE = { color: 'var(--mantine-color-red-9)', textDecoration: 'line-through' } as const;
const AFTER = { color: '#1b5e20', textDecoration: 'none', fontWeight: 600 } as const;

/** An entry's before and after as the fields that changed: old → new. */
function EntryDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const diff = auditDiff(entry.before, entry.after);
  if (diff.lines.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {diff.unchanged > 0
          ? t('console.audit.diff.unchanged', { count: diff.unchanged })
          : t('console.audit.diff.none')}
      </Text>
    );
  const value = (v: string | undefined) => (v === undefined || v === '' ? t('console.audit.diff.empty') : v);
  return (
    <Stack gap={4} data-testid="audit-diff">
      <Stack component="ul" gap={2} className="plain-list">
        {diff.lines.map((l) => (
          <Text component="li" size="sm" key={l.key} data-kind={l.kind} style={{ overflowWrap: 'anywhere' }}>
            {l.key && (
              <Text span fw={600} ff="monospace" size="sm">
                {l.key}:{' '}
              </Text>
            )}
            {l.kind === 'added' ? (
              <>
                <Text span size="xs" c="dimmed">
                  {t('console.audit.diff.created')}{' '}
                </Text>
                <ins style={AFTER}>{value(l.after)}</ins>
              </>
            ) : l.kind === 'removed' ? (
              <>
                <Text span size="xs" c="dimmed">
                  {t('console.audit.diff.removed')}{' '}
                </Text>
                <del style={BEFORE}>{value(l.before)}</del>
              </>
            ) : (
              <>
                <VisuallyHidden>{t('console.audit.diff.before')}: </VisuallyHidden>
                <del style={BEFORE}>{value(l.before)}</del>
                <span aria-hidden="true"> → </span>
                <VisuallyHidden>{t('console.audit.diff.after')}: </VisuallyHidden>
                <ins style={AFTER}>{value(l.after)}</ins>
              </>
            )}
          </Text>
        ))}
      </Stack>
      {diff.unchanged > 0 && (
        <Text size="xs" c="dimmed">
          {t('console.audit.diff.unchanged', { count: diff.unchanged })}
        </Text>
      )}
    </Stack>
  );
}
