import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataList } from '../../../components/data-list';
import { FormError } from '../../../components/form-error';
import { QueryPageState } from '../../../components/query-state';
import { useFormat } from '../../../lib/format';
import { useConsoleEdition } from '../../organizer/console/console-context';
import { SectionHeader } from '../../organizer/console/section-header';
import { REASON_MAX } from '../components/flag-modal';
import { useDeclareConflict, useWithdrawConflict } from '../mutations';
import { judgingQueries } from '../queries';

/**
 * The console's conflicts of interest: declaring one for a juror (a juror may also declare their
 * own from their screen), and every conflict, declared or implicit (a juror who is a member of
 * the team), with a way to withdraw one declared by mistake.
 */
export function ConflictsSection() {
  const { t } = useTranslation();
  const edition = useConsoleEdition();
  return (
    <Stack gap="xl">
      <SectionHeader title={t('organizer.console.sections.conflicts')} intro={t('judging.conflicts.intro')} />
      <DeclareForJuror editionId={edition.id} />
      <ConflictsList editionId={edition.id} />
    </Stack>
  );
}

function DeclareForJuror({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const jurors = useQuery(judgingQueries.jurors(editionId));
  const teams = useQuery(judgingQueries.teams(editionId));
  const declare = useDeclareConflict(editionId);
  const [jurorId, setJurorId] = useState<string | null>(null);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="declare-title">
      <Title order={2} size="h3" id="declare-title" mb="xs">
        {t('judging.conflicts.declareTitle')}
      </Title>
      <form
        noValidate
        data-testid="declare-conflict-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!jurorId || !teamId) return;
          if (reason.trim() === '') {
            setReasonError(t('judging.conflict.reasonRequired'));
            return;
          }
          setReasonError(null);
          declare.mutate(
            { jurorId, teamId, reason: reason.trim() },
            {
              onSuccess: (result) => {
                notifications.show({
                  color: 'green',
                  message: [
                    t('judging.conflicts.declared'),
                    result.droppedAssignment ? t('judging.conflicts.dropped') : '',
                    result.sheetNoLongerCounts ? t('judging.conflicts.noLongerCounts') : '',
                  ]
                    .filter(Boolean)
                    .join(' '),
                });
                setReason('');
                setTeamId(null);
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <FormError error={declare.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('judging.assignments.juror')}
              searchable
              required
              value={jurorId}
              onChange={setJurorId}
              data={(jurors.data ?? []).map((j) => ({ value: j.userId, label: `${j.name} (${j.email})` }))}
              nothingFoundMessage={t('judging.assignments.noJurors')}
            />
            <Select
              label={t('judging.conflicts.team')}
              searchable
              required
              value={teamId}
              onChange={setTeamId}
              data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
              nothingFoundMessage={t('judging.conflicts.noTeams')}
            />
          </SimpleGrid>
          <Textarea
            label={t('judging.conflict.reason')}
            required
            autosize
            minRows={2}
            maxLength={REASON_MAX}
            value={reason}
            error={reasonError}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group>
            <Button type="submit" color="grape.8" disabled={!jurorId || !teamId} loading={declare.isPending}>
              {t('judging.conflict.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function ConflictsList({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useQuery(judgingQueries.conflicts(editionId));
  const withdraw = useWithdrawConflict(editionId);
  if (query.isPending || query.isError) return <QueryPageState query={query} />;

  return (
    <section aria-labelledby="conflicts-title">
      <Title order={2} size="h3" id="conflicts-title" mb="sm">
        {t('judging.conflicts.listTitle', { count: query.data.length })}
      </Title>
      {query.data.length === 0 ? (
        <Text>{t('judging.conflicts.none')}</Text>
      ) : (
        <DataList
          rows={query.data}
          rowKey={(c) => c.id ?? `${c.jurorId}:${c.teamId}`}
          rowTestId="conflict-row"
          caption={t('judging.conflicts.caption', { count: query.data.length })}
          columns={[
            { key: 'juror', header: t('judging.assignments.juror'), cell: (c) => c.jurorName },
            { key: 'team', header: t('judging.conflicts.team'), cell: (c) => c.teamName },
            {
              key: 'reason',
              header: t('judging.conflict.reason'),
              cell: (c) =>
                c.implicit ? (
                  <Badge color="gray.7" variant="filled" tt="none">
                    {t('judging.conflicts.implicit')}
                  </Badge>
                ) : (
                  c.reason
                ),
            },
            {
              key: 'at',
              header: t('judging.conflicts.declaredAt'),
              cell: (c) => (c.createdAt ? format.dateTime(c.createdAt) : '—'),
            },
          ]}
          actionsHeader={t('judging.assignments.actions')}
          actions={(c) =>
            c.id ? (
              <Button
                size="xs"
                variant="subtle"
                c="red.9"
                loading={withdraw.isPending && withdraw.variables === c.id}
                onClick={() => withdraw.mutate(c.id!)}
                aria-label={t('judging.conflicts.withdrawOf', { juror: c.jurorName, team: c.teamName })}
              >
                {t('judging.conflicts.withdraw')}
              </Button>
            ) : null
          }
        />
      )}
    </section>
  );
}
