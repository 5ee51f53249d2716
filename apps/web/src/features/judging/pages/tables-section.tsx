import type { Team } from '@ca/shared';
import { Button, Card, Group, NumberInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataList } from '../../../components/data-list';
import { FormError } from '../../../components/form-error';
import { QueryPageState } from '../../../components/query-state';
import type { TimedEdition } from '../../editions/queries';
import { useConsoleEdition } from '../../organizer/console/console-context';
import { SectionHeader } from '../../organizer/console/section-header';
import { useNumberTables, useSetTable } from '../mutations';
import { judgingQueries } from '../queries';

/**
 * The console's expo tables: each team's table or location label in the hall (the jurors' route
 * follows them, the team sees its own on My team), set one by one or numbered for every team by
 * track in one action (`H-01`, `H-02`…, `T-01`…).
 */
export function TablesSection() {
  const { t } = useTranslation();
  const edition = useConsoleEdition();
  return (
    <Stack gap="xl">
      <SectionHeader title={t('organizer.console.sections.tables')} intro={t('judging.tables.intro')} />
      <NumberAll edition={edition} />
      <TeamsTables edition={edition} />
    </Stack>
  );
}

function NumberAll({ edition }: { edition: TimedEdition }) {
  const { t } = useTranslation();
  const numberAll = useNumberTables(edition.id);
  const [digits, setDigits] = useState<number | string>(2);
  const [startAt, setStartAt] = useState<number | string>(1);
  const [separator, setSeparator] = useState('-');
  const [prefixes, setPrefixes] = useState<Record<string, string>>({});

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="number-title">
      <Title order={2} size="h3" id="number-title" mb="xs">
        {t('judging.tables.numberTitle')}
      </Title>
      <Text size="sm" mb="sm">
        {t('judging.tables.numberHint')}
      </Text>
      <form
        noValidate
        data-testid="number-tables"
        onSubmit={(e) => {
          e.preventDefault();
          const given = Object.fromEntries(Object.entries(prefixes).filter(([, p]) => p.trim() !== ''));
          numberAll.mutate(
            {
              digits: Number(digits) || 2,
              startAt: Number(startAt) || 0,
              separator,
              ...(Object.keys(given).length ? { prefixes: given } : {}),
            },
            {
              onSuccess: (r) =>
                notifications.show({
                  color: 'green',
                  message: t('judging.tables.numbered', { count: r.items.length }),
                }),
            },
          );
        }}
      >
        <Stack gap="sm">
          <FormError error={numberAll.error} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {edition.tracks.map((track) => (
              <TextInput
                key={track.id}
                label={t('judging.tables.prefixOf', { track: track.name })}
                placeholder={t('judging.tables.prefixAuto')}
                maxLength={10}
                value={prefixes[track.id] ?? ''}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setPrefixes((p) => ({ ...p, [track.id]: value }));
                }}
              />
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 3 }} spacing="sm" maw={480}>
            <NumberInput
              label={t('judging.tables.digits')}
              min={1}
              max={4}
              value={digits}
              onChange={setDigits}
            />
            <NumberInput
              label={t('judging.tables.startAt')}
              min={0}
              max={9999}
              value={startAt}
              onChange={setStartAt}
            />
            <TextInput
              label={t('judging.tables.separator')}
              maxLength={3}
              value={separator}
              onChange={(e) => setSeparator(e.currentTarget.value)}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={numberAll.isPending} data-testid="number-tables-submit">
              {t('judging.tables.numberRun')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function TeamsTables({ edition }: { edition: TimedEdition }) {
  const { t } = useTranslation();
  const query = useQuery(judgingQueries.teams(edition.id));
  if (query.isPending || query.isError) return <QueryPageState query={query} />;
  const trackName = new Map(edition.tracks.map((tr) => [tr.id, tr.name]));
  const order = new Map(edition.tracks.map((tr, i) => [tr.id, i]));
  const rows = [...query.data].sort(
    (a, b) => (order.get(a.trackId) ?? 0) - (order.get(b.trackId) ?? 0) || a.name.localeCompare(b.name),
  );

  return (
    <section aria-labelledby="teams-tables-title">
      <Title order={2} size="h3" id="teams-tables-title" mb="sm">
        {t('judging.tables.listTitle', { count: rows.length })}
      </Title>
      {rows.length === 0 ? (
        <Text>{t('judging.tables.none')}</Text>
      ) : (
        <DataList
          rows={rows}
          rowKey={(team) => team.id}
          rowTestId="table-row"
          caption={t('judging.tables.caption', { count: rows.length })}
          columns={[
            { key: 'team', header: t('judging.conflicts.team'), cell: (team) => team.name },
            {
              key: 'track',
              header: t('judging.tables.track'),
              cell: (team) => trackName.get(team.trackId) ?? '',
            },
            {
              key: 'table',
              header: t('judging.tables.table'),
              cell: (team) => (
                <TableLabelInput key={team.tableLabel ?? ''} editionId={edition.id} team={team} />
              ),
            },
          ]}
        />
      )}
    </section>
  );
}

function TableLabelInput({ editionId, team }: { editionId: string; team: Team }) {
  const { t } = useTranslation();
  const setTable = useSetTable(editionId);
  const [value, setValue] = useState(team.tableLabel ?? '');
  const changed = value.trim() !== (team.tableLabel ?? '');
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTable.mutate({ teamId: team.id, tableLabel: value.trim() === '' ? null : value.trim() });
      }}
    >
      <Group gap={6} wrap="nowrap">
        <TextInput
          aria-label={t('judging.tables.tableOf', { team: team.name })}
          value={value}
          maxLength={40}
          onChange={(e) => setValue(e.currentTarget.value)}
          error={setTable.isError ? t('judging.tables.saveFailed') : undefined}
          w={120}
          data-testid="table-input"
        />
        <Button type="submit" size="xs" variant="light" disabled={!changed} loading={setTable.isPending}>
          {t('judging.tables.save')}
        </Button>
      </Group>
    </form>
  );
}
