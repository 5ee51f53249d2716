import { Card, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { CoverageRowSchema, type Coverage, type CoverageRow } from '@ca/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { getSocket } from '../../../lib/socket';
import { liveKeys, liveQueries } from '../queries';

/** Judging coverage, patched live by `coverage:update` (the organizers' room). */
export function CoveragePanel({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const coverage = useQuery(liveQueries.coverage(editionId));

  useEffect(() => {
    const socket = getSocket();
    const join = () => socket.emit('coverage:subscribe', { editionId }, () => undefined);
    const onRow = (payload: CoverageRow) => {
      const row = CoverageRowSchema.safeParse(payload);
      if (!row.success || row.data.editionId !== editionId) return;
      qc.setQueryData<Coverage>(liveKeys.coverage(editionId), (c) => {
        if (!c) return c;
        const { editionId: _e, ...r } = row.data;
        const submissions = c.submissions.map((s) =>
          s.submissionId === r.submissionId ? { ...s, ...r } : s,
        );
        const done = submissions.reduce((n, s) => n + Math.min(s.done, s.required), 0);
        return { ...c, submissions, totals: { ...c.totals, done } };
      });
    };
    socket.on('coverage:update', onRow);
    socket.on('connect', join);
    if (socket.connected) join();
    return () => {
      socket.off('coverage:update', onRow);
      socket.off('connect', join);
    };
  }, [editionId, qc]);

  const c = coverage.data;
  return (
    <Card withBorder padding="lg" data-testid="live-coverage">
      <Stack gap="sm">
        <Title order={3}>{t('live.coverage.title')}</Title>
        {c && (
          <>
            <Text>{t('live.coverage.summary', { done: c.totals.done, required: c.totals.required })}</Text>
            <Progress value={c.totals.required ? (100 * c.totals.done) / c.totals.required : 0} aria-hidden />
            {c.submissions.length === 0 ? (
              <Text c="dimmed">{t('live.coverage.empty')}</Text>
            ) : (
              <Table.ScrollContainer
                minWidth={360}
                mah={320}
                scrollAreaProps={{
                  // Only text inside: the keyboard must reach the scroll (axe `scrollable-region-focusable`).
                  viewportProps: { tabIndex: 0, role: 'region', 'aria-label': t('live.coverage.title') },
                  classNames: { viewport: 'scroll-region' },
                }}
              >
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('live.coverage.project')}</Table.Th>
                      <Table.Th>{t('live.coverage.sheets')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {c.submissions.map((s) => (
                      <Table.Tr key={s.submissionId} data-testid="coverage-row">
                        <Table.Td>
                          {s.teamName} — {s.title}
                        </Table.Td>
                        <Table.Td>
                          {s.done} / {s.required}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
