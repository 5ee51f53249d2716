import '@mantine/charts/styles.css';
import type { EditionDashboard } from '@ca/shared';
import { BarChart, CompositeChart, DonutChart } from '@mantine/charts';
import { Anchor, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoader, QueryError } from '../../../components/query-state';
import { useFormat } from '../../../lib/format';
import { INTL_LOCALE, type Language } from '../../../lib/i18n';
import { useConsoleEdition } from '../console/console-context';
import { SectionHeader } from '../console/section-header';
import { dashboardQueries } from '../dashboard/queries';
import { useDashboardLive } from '../dashboard/use-dashboard-live';

/** Colours with at least 3:1 against white (WCAG 1.4.11, graphical objects). */
const COLORS = {
  none: 'gray.6',
  draft: 'yellow.9',
  submitted: 'teal.8',
  late: 'grape.7',
  daily: 'blue.7',
  cumulative: 'indigo.9',
  teams: 'blue.7',
  members: 'cyan.9',
  done: 'teal.8',
  left: 'orange.9',
} as const;

const STATES = ['none', 'draft', 'submitted', 'late'] as const;
/** Jurors drawn in the chart; the rest are counted under it. */
const JURORS_SHOWN = 8;

/** A calendar day (`2026-03-02`) as a short date in the reader's language, read as that day. */
const dayLabel = (day: string, language: Language) =>
  new Intl.DateTimeFormat(INTL_LOCALE[language], { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/**
 * The console's dashboard: registrations over time, teams per track, projects by state, judging
 * coverage with the jurors behind, flags waiting. Live: judging and phase events refetch it
 * (throttled), and it refreshes every half minute for what has no event. Each chart is drawn by
 * Mantine's charts (Recharts) and told in text beside it, for screen readers and small screens.
 */
export function DashboardSection() {
  const { t } = useTranslation();
  const edition = useConsoleEdition();
  const dashboard = useQuery(dashboardQueries.dashboard(edition.id));
  useDashboardLive(edition.id);
  const format = useFormat();

  return (
    <Stack gap="xl">
      <SectionHeader title={t('organizer.console.sections.dashboard')} intro={t('console.dashboard.intro')} />
      {dashboard.isPending ? (
        <PageLoader />
      ) : dashboard.isError ? (
        <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="dashboard-updated">
            {t('console.dashboard.updated', { time: format.time(dashboard.data.at) })}
          </Text>
          <DashboardBody d={dashboard.data} />
        </>
      )}
    </Stack>
  );
}

function DashboardBody({ d }: { d: EditionDashboard }) {
  const { t } = useTranslation();
  const edition = useConsoleEdition();
  const { language } = useFormat();
  const number = new Intl.NumberFormat(INTL_LOCALE[language]);
  const percent = new Intl.NumberFormat(INTL_LOCALE[language], {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  const trackName = (id: string) => edition.tracks.find((tr) => tr.id === id)?.name ?? '—';

  const days = d.registrations.perDay.map((r) => ({ ...r, label: dayLabel(r.day, language) }));
  const tracks = d.teams.perTrack.map((r) => ({ ...r, track: trackName(r.trackId) }));
  const states = STATES.map((s) => ({
    name: t(`console.dashboard.submissions.${s}`),
    value: d.submissions[s],
    color: COLORS[s],
    key: s,
  }));
  const projects = states.reduce((n, s) => n + s.value, 0);
  const j = d.judging;
  const share = j.required === 0 ? 0 : j.done / j.required;
  const behind = j.jurorsBehind.slice(0, JURORS_SHOWN).map((b) => ({ ...b, juror: b.name }));

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      {/* Two columns on a wide screen, each stacking its panels at their own height. */}
      <Stack gap="lg" style={{ minWidth: 0 }}>
        <Panel id="dash-registrations" title={t('console.dashboard.registrations.title')}>
          <Text fw={700} size="lg" data-testid="dashboard-registrations-total">
            {t('console.dashboard.registrations.total', { count: d.registrations.total })}
          </Text>
          {days.length === 0 ? (
            <Text c="dimmed">{t('console.dashboard.registrations.empty')}</Text>
          ) : (
            <Chart label={t('console.dashboard.registrations.chart')} testId="chart-registrations">
              <CompositeChart
                h={220}
                data={days}
                dataKey="label"
                curveType="linear"
                maxBarWidth={28}
                withLegend
                legendProps={{ verticalAlign: 'bottom' }}
                valueFormatter={(v) => number.format(v)}
                accessibilityLayer={false}
                series={[
                  {
                    name: 'count',
                    type: 'bar',
                    label: t('console.dashboard.registrations.daily'),
                    color: COLORS.daily,
                  },
                  {
                    name: 'cumulative',
                    type: 'line',
                    label: t('console.dashboard.registrations.cumulative'),
                    color: COLORS.cumulative,
                  },
                ]}
              />
            </Chart>
          )}
        </Panel>
        <Panel id="dash-projects" title={t('console.dashboard.submissions.title')}>
          {projects === 0 ? (
            <Text c="dimmed">{t('console.dashboard.submissions.empty')}</Text>
          ) : (
            <Group align="center" gap="lg" wrap="wrap">
              <Chart label={t('console.dashboard.submissions.chart')} testId="chart-projects">
                <DonutChart
                  data={states.filter((s) => s.value > 0)}
                  size={150}
                  thickness={26}
                  chartLabel={number.format(projects)}
                  valueFormatter={(v) => number.format(v)}
                  accessibilityLayer={false}
                />
              </Chart>
              <FigureList
                testId="dashboard-states"
                items={states.map((s) => ({
                  key: s.key,
                  label: s.name,
                  value: number.format(s.value),
                  color: s.color,
                }))}
              />
            </Group>
          )}
          <Text size="sm" c="dimmed">
            {t('console.dashboard.submissions.disqualified', { count: d.submissions.disqualified })}
            {' · '}
            {t('console.dashboard.submissions.extensions', { count: d.submissions.extensions })}
          </Text>
        </Panel>
        <Panel id="dash-flags" title={t('console.dashboard.flags.title')}>
          <Text fw={700} size="lg" data-testid="dashboard-flags">
            {j.flagsOpen === 0
              ? t('console.dashboard.flags.none')
              : t('console.dashboard.flags.count', { count: j.flagsOpen })}
          </Text>
          {j.flagsOpen > 0 && (
            <Anchor component={Link} to={`/organize/editions/${edition.slug}/coverage`} fw={600}>
              {t('console.dashboard.flags.resolve')}
            </Anchor>
          )}
        </Panel>
      </Stack>
      <Stack gap="lg" style={{ minWidth: 0 }}>
        <Panel id="dash-teams" title={t('console.dashboard.teams.title')}>
          <Text fw={700} size="lg" data-testid="dashboard-teams-total">
            {t('console.dashboard.teams.total', { count: d.teams.total })}
          </Text>
          {tracks.length === 0 ? (
            <Text c="dimmed">{t('console.dashboard.teams.empty')}</Text>
          ) : (
            <>
              <Chart label={t('console.dashboard.teams.chart')} testId="chart-teams">
                <BarChart
                  h={Math.max(140, 56 * tracks.length + 60)}
                  data={tracks}
                  dataKey="track"
                  orientation="vertical"
                  yAxisProps={{ width: 110 }}
                  withLegend
                  legendProps={{ verticalAlign: 'bottom' }}
                  valueFormatter={(v) => number.format(v)}
                  accessibilityLayer={false}
                  series={[
                    { name: 'teams', label: t('console.dashboard.teams.teams'), color: COLORS.teams },
                    { name: 'members', label: t('console.dashboard.teams.members'), color: COLORS.members },
                  ]}
                />
              </Chart>
              <FigureList
                items={tracks.map((tr) => ({
                  key: tr.trackId,
                  label: tr.track,
                  value: `${t('console.dashboard.teams.total', { count: tr.teams })} · ${t('console.dashboard.teams.membersCount', { count: tr.members })}`,
                }))}
              />
            </>
          )}
        </Panel>
        <Panel id="dash-judging" title={t('console.dashboard.judging.title')}>
          <Text fw={700} size="lg" data-testid="dashboard-coverage">
            {t('console.dashboard.judging.progress', {
              done: number.format(j.done),
              required: number.format(j.required),
              percent: percent.format(share),
            })}
          </Text>
          <Progress
            value={share * 100}
            color={COLORS.done}
            size="lg"
            aria-label={t('console.dashboard.judging.title')}
          />
          <Text size="sm" c="dimmed">
            {t('console.dashboard.judging.assigned', {
              assigned: number.format(j.assigned),
              required: number.format(j.required),
              jurors: number.format(j.jurors),
              reviews: number.format(j.reviewsPerSubmission),
            })}
          </Text>
          <Title order={3} size="h5">
            {t('console.dashboard.judging.behind')}
          </Title>
          {behind.length === 0 ? (
            <Text c="dimmed" data-testid="dashboard-none-behind">
              {t('console.dashboard.judging.noneBehind')}
            </Text>
          ) : (
            <>
              <Chart label={t('console.dashboard.judging.behindChart')} testId="chart-jurors">
                <BarChart
                  h={Math.max(120, 40 * behind.length + 60)}
                  data={behind}
                  dataKey="juror"
                  type="stacked"
                  orientation="vertical"
                  yAxisProps={{ width: 110 }}
                  withLegend
                  legendProps={{ verticalAlign: 'bottom' }}
                  accessibilityLayer={false}
                  series={[
                    { name: 'done', label: t('console.dashboard.judging.done'), color: COLORS.done },
                    { name: 'left', label: t('console.dashboard.judging.left'), color: COLORS.left },
                  ]}
                />
              </Chart>
              <FigureList
                testId="dashboard-behind"
                items={behind.map((b) => ({
                  key: b.jurorId,
                  label: b.name,
                  value: t('console.dashboard.judging.scoredOf', {
                    done: number.format(b.done),
                    assigned: number.format(b.assigned),
                  }),
                }))}
              />
              {j.jurorsBehind.length > JURORS_SHOWN && (
                <Text size="sm" c="dimmed">
                  {t('console.dashboard.judging.more', { count: j.jurorsBehind.length - JURORS_SHOWN })}
                </Text>
              )}
            </>
          )}
        </Panel>
      </Stack>
    </SimpleGrid>
  );
}

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={`${id}-title`} data-testid={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={`${id}-title`}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

/** A chart, named for assistive technology (its figures are also given in text beside it). */
function Chart({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <div role="img" aria-label={label} data-testid={testId} style={{ minWidth: 0, flex: '1 1 160px' }}>
      {children}
    </div>
  );
}

function FigureList({
  items,
  testId,
}: {
  items: { key: string; label: string; value: string; color?: string }[];
  testId?: string;
}) {
  return (
    <Stack component="ul" gap={4} className="plain-list" data-testid={testId}>
      {items.map((i) => (
        <Group component="li" key={i.key} gap="xs" wrap="nowrap" data-key={i.key}>
          {i.color && (
            <span
              aria-hidden="true"
              style={{
                width: 12,
                height: 12,
                borderRadius: 3,
                flex: 'none',
                background: `var(--mantine-color-${i.color.replace('.', '-')})`,
              }}
            />
          )}
          <Text size="sm">
            {i.label}: <strong>{i.value}</strong>
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
