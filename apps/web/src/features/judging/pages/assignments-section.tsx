import type { Assignment, AutoAssignSummary } from '@ca/shared';
import { Badge, Button, Card, Group, List, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataList } from '../../../components/data-list';
import { FormError } from '../../../components/form-error';
import { QueryPageState } from '../../../components/query-state';
import { useConsoleEdition } from '../../organizer/console/console-context';
import { SectionHeader } from '../../organizer/console/section-header';
import { useAssign, useAutoAssign, useUnassign } from '../mutations';
import { judgingQueries } from '../queries';
import { FLAG_COLOR } from '../components/status-badge';

const projectName = (p: { tableLabel: string | null; teamName: string; title: string }) =>
  `${p.tableLabel ? `${p.tableLabel} · ` : ''}${p.teamName} — ${p.title}`;

/**
 * The console's assignments: the balanced automatic assignment with its summary (what it added,
 * kept, moved, and which projects stay short of reviewers and why), assigning and unassigning by
 * hand, and every assignment with its sheet and flag.
 */
export function AssignmentsSection() {
  const { t } = useTranslation();
  const edition = useConsoleEdition();
  return (
    <Stack gap="xl">
      <SectionHeader
        title={t('organizer.console.sections.assignments')}
        intro={t('judging.assignments.intro', { n: edition.reviewsPerSubmission })}
      />
      <AutoAssign editionId={edition.id} />
      <ManualAssign editionId={edition.id} />
      <AssignmentsList editionId={edition.id} />
    </Stack>
  );
}

function AutoAssign({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const auto = useAutoAssign(editionId);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="auto-title">
      <Title order={2} size="h3" id="auto-title" mb="xs">
        {t('judging.assignments.autoTitle')}
      </Title>
      <Text size="sm" mb="sm">
        {t('judging.assignments.autoHint')}
      </Text>
      <FormError error={auto.error} />
      <Button onClick={() => auto.mutate()} loading={auto.isPending} data-testid="auto-assign">
        {t('judging.assignments.autoRun')}
      </Button>
      {auto.data && <AutoSummary summary={auto.data} />}
    </Card>
  );
}

function AutoSummary({ summary: s }: { summary: AutoAssignSummary }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" mt="md" data-testid="auto-summary" role="status">
      <Text fw={700}>
        {t('judging.assignments.summary', {
          added: s.added.length,
          kept: s.kept,
          removed: s.removed.length,
          projects: s.projects,
          jurors: s.jurors,
        })}
      </Text>
      {s.removed.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            {t('judging.assignments.removedTitle')}
          </Text>
          <List size="sm">
            {(['conflict', 'not_eligible', 'rebalanced'] as const).map((reason) => {
              const n = s.removed.filter((r) => r.reason === reason).length;
              return n > 0 ? (
                <List.Item key={reason}>{t(`judging.assignments.removed.${reason}`, { count: n })}</List.Item>
              ) : null;
            })}
          </List>
        </div>
      )}
      {s.short.length === 0 ? (
        <Text size="sm" data-testid="auto-short-none">
          {t('judging.assignments.shortNone', { n: s.reviewsPerSubmission })}
        </Text>
      ) : (
        <div data-testid="auto-short">
          <Text size="sm" fw={600}>
            {t('judging.assignments.shortTitle', { count: s.short.length })}
          </Text>
          <List size="sm">
            {s.short.map((p) => (
              <List.Item key={p.submissionId}>
                {p.teamName} — {p.title}:{' '}
                {t(`judging.assignments.short.${p.reason}`, {
                  assigned: p.assigned,
                  required: p.required,
                  eligible: p.eligibleJurors,
                })}
              </List.Item>
            ))}
          </List>
        </div>
      )}
      {s.loads.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            {t('judging.assignments.loadsTitle')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
            {s.loads.map((l) => (
              <Text size="sm" key={l.jurorId}>
                {l.name}: <strong>{l.assigned}</strong>
              </Text>
            ))}
          </SimpleGrid>
        </div>
      )}
    </Stack>
  );
}

function ManualAssign({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const jurors = useQuery(judgingQueries.jurors(editionId));
  const submissions = useQuery(judgingQueries.submissions(editionId));
  const assign = useAssign(editionId);
  const [jurorId, setJurorId] = useState<string | null>(null);
  const [submissionId, setSubmissionId] = useState<string | null>(null);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="manual-title">
      <Title order={2} size="h3" id="manual-title" mb="xs">
        {t('judging.assignments.manualTitle')}
      </Title>
      <Text size="sm" mb="sm">
        {t('judging.assignments.manualHint')}
      </Text>
      <form
        noValidate
        data-testid="manual-assign"
        onSubmit={(e) => {
          e.preventDefault();
          if (!jurorId || !submissionId) return;
          assign.mutate(
            { jurorId, submissionId },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('judging.assignments.assigned') });
                setSubmissionId(null);
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <FormError error={assign.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('judging.assignments.juror')}
              searchable
              required
              value={jurorId}
              onChange={setJurorId}
              data={(jurors.data ?? []).map((j) => ({ value: j.userId, label: `${j.name} (${j.email})` }))}
              nothingFoundMessage={t('judging.assignments.noJurors')}
              data-testid="manual-juror"
            />
            <Select
              label={t('judging.assignments.project')}
              searchable
              required
              value={submissionId}
              onChange={setSubmissionId}
              data={(submissions.data ?? []).map((s) => ({
                value: s.id,
                label: `${s.teamName} — ${s.title}`,
              }))}
              nothingFoundMessage={t('judging.assignments.noProjects')}
              data-testid="manual-project"
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" disabled={!jurorId || !submissionId} loading={assign.isPending}>
              {t('judging.assignments.assign')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function AssignmentsList({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const query = useQuery(judgingQueries.assignments(editionId));
  const unassign = useUnassign(editionId);
  const [jurorFilter, setJurorFilter] = useState<string | null>(null);

  if (query.isPending || query.isError) return <QueryPageState query={query} />;
  const jurors = [...new Map(query.data.map((a) => [a.jurorId, a.jurorName])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1]),
  );
  const rows = jurorFilter ? query.data.filter((a) => a.jurorId === jurorFilter) : query.data;

  return (
    <section aria-labelledby="list-title">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <Title order={2} size="h3" id="list-title">
          {t('judging.assignments.listTitle', { count: query.data.length })}
        </Title>
        <Select
          label={t('judging.assignments.filterJuror')}
          clearable
          value={jurorFilter}
          onChange={setJurorFilter}
          data={jurors.map(([value, label]) => ({ value, label }))}
          w={260}
        />
      </Group>
      {rows.length === 0 ? (
        <Text>{t('judging.assignments.none')}</Text>
      ) : (
        <DataList
          rows={rows}
          rowKey={(a) => `${a.jurorId}:${a.submissionId}`}
          rowTestId="assignment-row"
          caption={t('judging.assignments.caption', { count: rows.length })}
          columns={[
            { key: 'project', header: t('judging.assignments.project'), cell: (a) => projectName(a) },
            { key: 'juror', header: t('judging.assignments.juror'), cell: (a) => a.jurorName },
            {
              key: 'source',
              header: t('judging.assignments.source'),
              cell: (a) => t(`judging.assignments.sources.${a.source}`),
            },
            { key: 'sheet', header: t('judging.assignments.sheet'), cell: (a) => <SheetCell a={a} /> },
          ]}
          actionsHeader={t('judging.assignments.actions')}
          actions={(a) => (
            <Button
              size="xs"
              variant="subtle"
              c="red.9"
              disabled={a.sheet !== null}
              title={a.sheet ? t('judging.assignments.hasSheet') : undefined}
              loading={
                unassign.isPending &&
                unassign.variables?.jurorId === a.jurorId &&
                unassign.variables?.submissionId === a.submissionId
              }
              onClick={() => unassign.mutate({ jurorId: a.jurorId, submissionId: a.submissionId })}
              aria-label={t('judging.assignments.unassignOf', { juror: a.jurorName, team: a.teamName })}
            >
              {t('judging.assignments.unassign')}
            </Button>
          )}
        />
      )}
    </section>
  );
}

function SheetCell({ a }: { a: Assignment }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      {a.sheet ? (
        <span>{a.sheet.score.toFixed(2)}</span>
      ) : (
        <Text span c="dimmed" size="sm">
          {t('judging.assignments.noSheet')}
        </Text>
      )}
      {a.sheet && !a.sheet.counts && (
        <Badge color="grape.8" variant="filled" tt="none">
          {t('judging.assignments.notCounting')}
        </Badge>
      )}
      {a.flag && (
        <Badge color={FLAG_COLOR} variant="filled" tt="none">
          {a.flag.kind === 'absent' ? t('judging.flag.absent') : t('judging.flag.cannotJudge')}
        </Badge>
      )}
    </Group>
  );
}
