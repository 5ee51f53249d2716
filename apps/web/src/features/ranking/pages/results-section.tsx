import type { ExplainedProject, LeaderboardExplanation } from '@ca/shared';
import {
  Accordion,
  Badge,
  Button,
  Card,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataList, useWide, type Column } from '../../../components/data-list';
import { QueryPageState } from '../../../components/query-state';
import { INTL_LOCALE, useLanguage, type Language } from '../../../lib/i18n';
import { formatScore } from '../../live/format-score';
import { liveQueries } from '../../live/queries';
import { useLiveLeaderboard } from '../../live/use-live-leaderboard';
import { useConsoleEdition } from '../../organizer/console/console-context';
import { SectionHeader } from '../../organizer/console/section-header';
import { rankingKeys, rankingQueries } from '../queries';
import '../ranking.css';

const WHOLE = 'all';

/**
 * The console's "Results explained": the live board of the whole edition or of a track, each
 * project opening to why it holds its rank — the sentence in the reader's language, each
 * criterion's mean, every juror's sheet with its z-score, and the spread of the sheet scores.
 * The board's socket subscription tells when it changed; the explanation is then fetched again
 * (and every minute, and on focus, for a socket that is down).
 */
export function ResultsSection() {
  const { t } = useTranslation();
  const edition = useConsoleEdition();
  const [board, setBoard] = useState(WHOLE);
  const trackId = board === WHOLE ? null : board;
  const query = useQuery(rankingQueries.explanation(edition.id, trackId));
  useExplanationLive(edition.id, trackId, query.data?.version);

  return (
    <Stack gap="lg">
      <SectionHeader
        title={t('organizer.console.sections.results')}
        intro={t('ranking.results.intro')}
        actions={
          <Button variant="default" onClick={() => void query.refetch()} loading={query.isFetching}>
            {t('ranking.results.refresh')}
          </Button>
        }
      />
      {edition.tracks.length > 0 && (
        <SegmentedControl
          value={board}
          onChange={setBoard}
          aria-label={t('ranking.results.board')}
          data-testid="results-board"
          data={[
            { value: WHOLE, label: t('ranking.results.whole') },
            ...edition.tracks.map((tr) => ({ value: tr.id, label: tr.name })),
          ]}
          fullWidth
          className="results-boards"
        />
      )}
      {query.isPending || query.isError ? (
        <QueryPageState query={query} />
      ) : (
        <Explanation key={trackId ?? WHOLE} explanation={query.data} />
      )}
    </Stack>
  );
}

/**
 * Keeps the explanation in step with the live board: the board's subscription (the organizers'
 * live board over the socket) raises its version on every change that touches it, and an
 * explanation older than that is fetched again.
 */
function useExplanationLive(editionId: string, trackId: string | null, explained: number | undefined) {
  const queryClient = useQueryClient();
  useLiveLeaderboard(editionId, trackId);
  const live = useQuery({ ...liveQueries.leaderboard(editionId, trackId), retry: false }).data?.version;
  useEffect(() => {
    if (live === undefined || explained === undefined || live <= explained) return;
    void queryClient.invalidateQueries({ queryKey: rankingKeys.explanation(editionId, trackId) });
  }, [live, explained, editionId, trackId, queryClient]);
}

function Explanation({ explanation: x }: { explanation: LeaderboardExplanation }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (x.projects.length === 0)
    return (
      <Text c="dimmed" data-testid="results-empty">
        {t('ranking.results.empty')}
      </Text>
    );
  return (
    <Stack gap="md">
      <Text size="sm" data-testid="results-method">
        {t(`ranking.method.${x.normalization}`)}
      </Text>
      <Accordion
        multiple
        variant="separated"
        chevronPosition="left"
        keepMounted={false}
        order={2}
        data-testid="results-list"
      >
        {x.projects.map((p) => (
          <Accordion.Item key={p.submissionId} value={p.submissionId} data-testid="results-row">
            <Accordion.Control>
              <div className="results-row">
                <Badge
                  size="lg"
                  variant={p.rank === null ? 'outline' : 'filled'}
                  color={p.rank === null ? 'gray.7' : 'teal.9'}
                  className="results-rank"
                >
                  <VisuallyHidden>{rankLabel(p, t)}</VisuallyHidden>
                  <span aria-hidden="true">{p.rank ?? '–'}</span>
                </Badge>
                <div className="results-name">
                  <Text fw={600} lh={1.3}>
                    {p.title}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {p.teamName}
                  </Text>
                </div>
                <div className="results-figures">
                  <Text fw={700} ta="right">
                    {formatScore(p.score, language)}
                  </Text>
                  <Text size="xs" c="dimmed" ta="right">
                    {t('ranking.results.sheetCount', { count: p.sheets })}
                  </Text>
                </div>
              </div>
            </Accordion.Control>
            <Accordion.Panel>
              <ProjectDetail project={p} explanation={x} language={language} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      <JurorsSummary explanation={x} language={language} />
    </Stack>
  );
}

const valueFormats = new Map<Language, Intl.NumberFormat>();
/** A juror's value for a criterion as they gave it (up to 2 decimals), in the reader's notation. */
function formatValue(n: number, language: Language): string {
  let f = valueFormats.get(language);
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALE[language], { maximumFractionDigits: 2 });
    valueFormats.set(language, f);
  }
  return f.format(n);
}

const rankLabel = (p: ExplainedProject, t: TFunction) =>
  p.rank === null ? t('ranking.results.unranked') : t('ranking.results.rank', { rank: p.rank });

function ProjectDetail({
  project: p,
  explanation: x,
  language,
}: {
  project: ExplainedProject;
  explanation: LeaderboardExplanation;
  language: Language;
}) {
  const { t } = useTranslation();
  const wide = useWide();
  const fmt = (n: number | null) => formatScore(n, language);
  const columns: Column<ExplainedProject['jurorSheets'][number]>[] = [
    { key: 'juror', header: t('ranking.results.juror'), cell: (s) => s.jurorName || '—' },
    { key: 'score', header: t('ranking.results.sheetScore'), cell: (s) => fmt(s.score) },
    { key: 'z', header: t('ranking.results.zScore'), cell: (s) => fmt(s.zScore) },
    ...x.criteria.map((c) => ({
      key: c.id,
      header: c.name,
      cell: (s: ExplainedProject['jurorSheets'][number]) =>
        s.values[c.id] === undefined ? '—' : formatValue(s.values[c.id]!, language),
    })),
    {
      key: 'counts',
      header: t('ranking.results.counts'),
      cell: (s) =>
        s.counts ? (
          t('ranking.results.countsYes')
        ) : (
          <Badge variant="outline" color="red.9" size="sm">
            {t('ranking.results.conflicted')}
          </Badge>
        ),
    },
  ];

  return (
    <Stack gap="md" data-testid="results-detail">
      <Text data-testid="rank-sentence" lang={language}>
        {p.sentence[language]}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure label={t('ranking.results.meanScore')} value={fmt(p.score)} />
        <Figure label={t(`ranking.value.${x.normalization}`)} value={fmt(p.normalized)} />
        <Figure label={t('ranking.results.sheets')} value={String(p.sheets)} />
        <Figure
          label={t('ranking.results.spread')}
          value={
            p.spread
              ? t('ranking.results.spreadValue', {
                  min: fmt(p.spread.min),
                  max: fmt(p.spread.max),
                  sd: fmt(p.spread.sd),
                })
              : '—'
          }
        />
      </SimpleGrid>

      <section aria-label={t('ranking.results.criteria')}>
        <Title order={3} size="h5" mb={6}>
          {t('ranking.results.criteria')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} component="dl" className="results-means">
          {x.criteria.map((c) => (
            <div key={c.id} className="results-mean">
              <dt>
                {c.name}{' '}
                <Text span size="xs" c="dimmed">
                  {t('ranking.results.weightRange', {
                    weight: String(c.weight),
                    min: String(c.min),
                    max: String(c.max),
                  })}
                </Text>
                {c.id === x.tieBreakCriterionId && (
                  <Badge ml={6} size="xs" variant="outline" color="dark.6">
                    {t('ranking.results.tieBreak')}
                  </Badge>
                )}
              </dt>
              <dd>{fmt(p.criteria?.[c.id] ?? null)}</dd>
            </div>
          ))}
        </SimpleGrid>
      </section>

      <section aria-label={t('ranking.results.jurorSheets')}>
        <Title order={3} size="h5" mb={6}>
          {t('ranking.results.jurorSheets')}
        </Title>
        {p.jurorSheets.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('ranking.results.noSheets')}
          </Text>
        ) : wide ? (
          <DataList
            rows={p.jurorSheets}
            rowKey={(s) => s.jurorId}
            columns={columns}
            testId="results-sheets"
            rowTestId="results-sheet"
          />
        ) : (
          <Stack component="ul" gap="xs" className="plain-list" data-testid="results-sheets">
            {p.jurorSheets.map((s) => (
              <Card component="li" withBorder padding="sm" key={s.jurorId} data-testid="results-sheet">
                <Stack gap={4}>
                  <div className="results-sheet-head">
                    <Text fw={700} size="sm">
                      {s.jurorName || '—'}
                    </Text>
                    {!s.counts && (
                      <Badge variant="outline" color="red.9" size="sm">
                        {t('ranking.results.conflicted')}
                      </Badge>
                    )}
                  </div>
                  <dl className="results-sheet-fields">
                    {columns
                      .filter((c) => c.key !== 'juror' && c.key !== 'counts')
                      .map((c) => (
                        <div key={c.key}>
                          <dt>{c.header}</dt>
                          <dd>{c.cell(s)}</dd>
                        </div>
                      ))}
                  </dl>
                </Stack>
              </Card>
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
}

/** Each juror's counting sheets with their mean and sd: what the z-scores are taken against. */
function JurorsSummary({
  explanation: x,
  language,
}: {
  explanation: LeaderboardExplanation;
  language: Language;
}) {
  const { t } = useTranslation();
  const wide = useWide();
  if (x.jurors.length === 0) return null;
  const fmt = (n: number) => formatScore(n, language);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="results-jurors-title">
      <Title order={2} size="h4" id="results-jurors-title" mb={4}>
        {t('ranking.results.jurors')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('ranking.results.jurorsHint')}
      </Text>
      {wide ? (
        <DataList
          rows={x.jurors}
          rowKey={(j) => j.jurorId}
          testId="results-jurors"
          columns={[
            { key: 'name', header: t('ranking.results.juror'), cell: (j) => j.jurorName || '—' },
            { key: 'sheets', header: t('ranking.results.sheets'), cell: (j) => String(j.sheets) },
            { key: 'mean', header: t('ranking.results.jurorMean'), cell: (j) => fmt(j.mean) },
            { key: 'sd', header: t('ranking.results.jurorSd'), cell: (j) => fmt(j.sd) },
          ]}
        />
      ) : (
        <Stack component="ul" gap={6} className="plain-list" data-testid="results-jurors">
          {x.jurors.map((j) => (
            <li key={j.jurorId} className="results-juror">
              <Text fw={600} size="sm">
                {j.jurorName || '—'}
              </Text>
              <Text size="sm" c="dimmed">
                {t('ranking.results.jurorLine', { count: j.sheets, mean: fmt(j.mean), sd: fmt(j.sd) })}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}
