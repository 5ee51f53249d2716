import type { Coverage, CoverageFlag } from '@ca/shared';
import { Anchor, Badge, Button, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CoverageRow } from '@ca/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataList } from '../../../components/data-list';
import { QueryPageState } from '../../../components/query-state';
import { useFormat } from '../../../lib/format';
import { INTL_LOCALE } from '../../../lib/i18n';
import { useConsoleEdition } from '../../organizer/console/console-context';
import { SectionHeader } from '../../organizer/console/section-header';
import { useDismissFlag, useReassignFlag } from '../mutations';
import { getSocket } from '../../../lib/socket';
import { COVERAGE_REFRESH_MS, judgingKeys, judgingQueries } from '../queries';
import '../judging.css';
import { FLAG_COLOR } from '../components/status-badge';

const projectName = (p: { tableLabel: string | null; teamName: string; title: string }) =>
  `${p.tableLabel ? `${p.tableLabel} · ` : ''}${p.teamName} — ${p.title}`;

/**
 * The console's judging coverage: how far the jury is (sheets done of required), the flags
 * waiting for an organizer (reassign in one click), projects short of reviews, jurors behind, and
 * sheets that no longer count (their juror declared a conflict after saving them). It refreshes by
 * itself while open.
 */
export function CoverageSection() {
  const { t } = useTranslation();
  const edition = useConsoleEdition();
  const format = useFormat();
  const query = useQuery(judgingQueries.coverage(edition.id));
  useCoverageLive(edition.id);
  const consolePath = `/organize/editions/${edition.slug}`;

  return (
    <Stack gap="xl">
      <SectionHeader
        title={t('organizer.console.sections.coverage')}
        intro={t('judging.coverage.intro', { seconds: COVERAGE_REFRESH_MS / 1000 })}
        actions={
          <Button variant="default" onClick={() => void query.refetch()} loading={query.isFetching}>
            {t('judging.coverage.refresh')}
          </Button>
        }
      />
      {query.isPending || query.isError ? (
        <QueryPageState query={query} />
      ) : (
        <CoverageBody
          coverage={query.data}
          consolePath={consolePath}
          updatedAt={query.dataUpdatedAt}
          format={format}
        />
      )}
    </Stack>
  );
}

/**
 * `coverage:update` (organizers' room) says a project's coverage changed: the view is refetched
 * (totals, jurors and flags move together). The periodic refresh covers a socket that is down.
 */
function useCoverageLive(editionId: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const socket = getSocket();
    const onUpdate = (row: CoverageRow) => {
      if (row.editionId === editionId)
        void queryClient.invalidateQueries({ queryKey: judgingKeys.coverage(editionId) });
    };
    socket.on('coverage:update', onUpdate);
    return () => {
      socket.off('coverage:update', onUpdate);
    };
  }, [editionId, queryClient]);
}

function CoverageBody({
  coverage: c,
  consolePath,
  updatedAt,
  format,
}: {
  coverage: Coverage;
  consolePath: string;
  updatedAt: number;
  format: ReturnType<typeof useFormat>;
}) {
  const { t } = useTranslation();
  const short = c.submissions.filter((s) => s.done < s.required);
  const behind = c.jurors.filter((j) => j.done < j.assigned);
  const percent = c.totals.required === 0 ? 0 : Math.round((100 * c.totals.done) / c.totals.required);

  return (
    <>
      <Card
        withBorder
        padding="lg"
        data-testid="coverage-totals"
        component="section"
        aria-labelledby="totals-title"
      >
        <Title order={2} size="h3" id="totals-title" mb="sm">
          {t('judging.coverage.totals')}
        </Title>
        <Text size="lg" fw={700} data-testid="coverage-progress">
          {t('judging.coverage.sheetsDone', { done: c.totals.done, required: c.totals.required, percent })}
        </Text>
        <Progress
          value={percent}
          size="lg"
          mt="xs"
          mb="md"
          color="teal.9"
          aria-label={t('judging.coverage.progressLabel')}
        />
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
          <Stat label={t('judging.coverage.projects')} value={c.totals.submissions} />
          <Stat
            label={t('judging.coverage.assigned')}
            value={`${c.totals.assigned} / ${c.totals.required}`}
          />
          <Stat
            label={t('judging.coverage.flagsOpen')}
            value={c.totals.flagsOpen}
            warn={c.totals.flagsOpen > 0}
          />
          <Stat
            label={t('judging.coverage.notCounting')}
            value={c.totals.notCounting}
            warn={c.totals.notCounting > 0}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="sm">
          {t('judging.coverage.updated', {
            at: new Intl.DateTimeFormat(INTL_LOCALE[format.language], { timeStyle: 'medium' }).format(
              updatedAt,
            ),
          })}
        </Text>
      </Card>

      <FlagsWaiting flags={c.flags} editionId={c.editionId} format={format} />

      <section aria-labelledby="short-title">
        <Title order={2} size="h3" id="short-title" mb="xs">
          {t('judging.coverage.shortTitle', { count: short.length })}
        </Title>
        {short.length === 0 ? (
          <Text data-testid="coverage-short-none">{t('judging.coverage.shortNone')}</Text>
        ) : (
          <>
            {short.some((s) => s.assigned < s.required) && (
              <Text size="sm" mb="sm">
                {t('judging.coverage.shortHint')}{' '}
                <Anchor component={Link} to={`${consolePath}/assignments`} fw={600}>
                  {t('judging.coverage.toAssignments')}
                </Anchor>
              </Text>
            )}
            <DataList
              rows={short}
              rowKey={(s) => s.submissionId}
              testId="coverage-short-list"
              rowTestId="coverage-short"
              caption={t('judging.coverage.shortCaption')}
              columns={[
                { key: 'project', header: t('judging.coverage.project'), cell: (s) => projectName(s) },
                {
                  key: 'done',
                  header: t('judging.coverage.sheets'),
                  cell: (s) => t('judging.coverage.ofRequired', { n: s.done, required: s.required }),
                },
                {
                  key: 'assigned',
                  header: t('judging.coverage.jurorsAssigned'),
                  cell: (s) => (
                    <Group gap={6}>
                      <span>{t('judging.coverage.ofRequired', { n: s.assigned, required: s.required })}</span>
                      {s.assigned < s.required && (
                        <Badge color="red.9" variant="filled" tt="none">
                          {t('judging.coverage.needsJurors')}
                        </Badge>
                      )}
                    </Group>
                  ),
                },
                {
                  key: 'flags',
                  header: t('judging.coverage.flags'),
                  cell: (s) => (s.flagsOpen > 0 ? s.flagsOpen : '—'),
                },
              ]}
            />
          </>
        )}
      </section>

      <section aria-labelledby="behind-title">
        <Title order={2} size="h3" id="behind-title" mb="xs">
          {t('judging.coverage.behindTitle', { count: behind.length })}
        </Title>
        {behind.length === 0 ? (
          <Text>{t('judging.coverage.behindNone')}</Text>
        ) : (
          <DataList
            rows={behind}
            rowKey={(j) => j.jurorId}
            rowTestId="coverage-juror"
            caption={t('judging.coverage.behindCaption')}
            columns={[
              { key: 'name', header: t('judging.coverage.juror'), cell: (j) => j.name },
              {
                key: 'done',
                header: t('judging.coverage.sheets'),
                cell: (j) => t('judging.coverage.ofAssigned', { n: j.done, assigned: j.assigned }),
              },
              {
                key: 'left',
                header: t('judging.coverage.left'),
                cell: (j) => j.assigned - j.done,
              },
              {
                key: 'flags',
                header: t('judging.coverage.flags'),
                cell: (j) => (j.flagsOpen > 0 ? j.flagsOpen : '—'),
              },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="not-counting-title">
        <Title order={2} size="h3" id="not-counting-title" mb="xs">
          {t('judging.coverage.notCountingTitle', { count: c.notCounting.length })}
        </Title>
        {c.notCounting.length === 0 ? (
          <Text>{t('judging.coverage.notCountingNone')}</Text>
        ) : (
          <>
            <Text size="sm" c="dimmed" mb="sm">
              {t('judging.coverage.notCountingHint')}
            </Text>
            <DataList
              rows={c.notCounting}
              rowKey={(s) => `${s.jurorId}:${s.submissionId}`}
              rowTestId="coverage-not-counting"
              caption={t('judging.coverage.notCountingCaption')}
              columns={[
                {
                  key: 'project',
                  header: t('judging.coverage.project'),
                  cell: (s) => `${s.teamName} — ${s.title}`,
                },
                { key: 'juror', header: t('judging.coverage.juror'), cell: (s) => s.jurorName },
                { key: 'score', header: t('judging.coverage.score'), cell: (s) => s.score.toFixed(2) },
                {
                  key: 'at',
                  header: t('judging.coverage.savedAt'),
                  cell: (s) => format.dateTime(s.updatedAt),
                },
              ]}
            />
          </>
        )}
      </section>
    </>
  );
}

function Stat({ label, value, warn }: { label: string; value: number | string; warn?: boolean }) {
  return (
    <div className="coverage-stat" data-warn={warn ? 'true' : undefined}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={800} className="coverage-stat-value">
        {value}
      </Text>
    </div>
  );
}

/** Open flags, oldest first, each with the one-click reassignment to the least-loaded juror. */
function FlagsWaiting({
  flags,
  editionId,
  format,
}: {
  flags: CoverageFlag[];
  editionId: string;
  format: ReturnType<typeof useFormat>;
}) {
  const { t } = useTranslation();
  const reassign = useReassignFlag(editionId);
  const dismiss = useDismissFlag(editionId);
  const busy = (id: string) =>
    (reassign.isPending && reassign.variables?.flagId === id) ||
    (dismiss.isPending && dismiss.variables?.flagId === id);

  return (
    <section aria-labelledby="flags-title">
      <Title order={2} size="h3" id="flags-title" mb="xs">
        {t('judging.coverage.flagsTitle', { count: flags.length })}
      </Title>
      {flags.length === 0 ? (
        <Text data-testid="coverage-flags-none">{t('judging.coverage.flagsNone')}</Text>
      ) : (
        <Stack gap="sm" component="ul" className="plain-list">
          {flags.map((f) => (
            <Card
              component="li"
              withBorder
              padding="md"
              key={f.id}
              data-testid="coverage-flag"
              className="flag-card"
            >
              <Stack gap={6}>
                <Group gap="xs" wrap="wrap">
                  <Badge color={FLAG_COLOR} variant="filled" tt="none">
                    {f.kind === 'absent' ? t('judging.flag.absent') : t('judging.flag.cannotJudge')}
                  </Badge>
                  <Text fw={700}>{projectName(f)}</Text>
                </Group>
                <Text size="sm">
                  {t('judging.coverage.flagBy', { juror: f.jurorName, at: format.dateTime(f.createdAt) })}
                </Text>
                <Text size="sm" fs="italic">
                  “{f.reason}”
                </Text>
                <Group gap="xs" mt={4}>
                  <Button
                    size="sm"
                    loading={reassign.isPending && reassign.variables?.flagId === f.id}
                    disabled={busy(f.id)}
                    data-testid="flag-reassign"
                    onClick={() =>
                      reassign.mutate(
                        { flagId: f.id },
                        {
                          onSuccess: () =>
                            notifications.show({ color: 'green', message: t('judging.coverage.reassigned') }),
                        },
                      )
                    }
                  >
                    {t('judging.coverage.reassign')}
                  </Button>
                  <Button
                    size="sm"
                    variant="default"
                    disabled={busy(f.id)}
                    data-testid="flag-dismiss"
                    onClick={() => dismiss.mutate({ flagId: f.id })}
                  >
                    {t('judging.coverage.dismiss')}
                  </Button>
                </Group>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
    </section>
  );
}
