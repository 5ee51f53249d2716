import { Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n';
import { showsScores } from '../board-state';
import { formatScore } from '../format-score';
import { liveQueries } from '../queries';
import { useLiveLeaderboard } from '../use-live-leaderboard';

/**
 * A board as this viewer may see it, kept live over the socket: the organizers' live board in the
 * console; the public board (rule 7) on the edition page, which says why when it shows no scores.
 */
export function LiveBoard({
  editionId,
  trackId,
  title,
  limit = 50,
}: {
  editionId: string;
  trackId: string | null;
  title: string;
  limit?: number;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  useLiveLeaderboard(editionId, trackId);
  const board = useQuery({ ...liveQueries.leaderboard(editionId, trackId), retry: false }).data;
  if (!board) return null;
  const visible = showsScores(board);
  return (
    <Stack gap="xs" data-testid="live-board">
      <Title order={3}>{title}</Title>
      {board.frozen && <Text size="sm">{t('live.board.frozen')}</Text>}
      {board.rows.length === 0 ? (
        <Text c="dimmed">{t('live.board.empty')}</Text>
      ) : !visible ? (
        <Text c="dimmed">{t('live.board.hidden')}</Text>
      ) : (
        <Table.ScrollContainer
          minWidth={420}
          scrollAreaProps={{
            // Only text inside: the keyboard must be able to reach the scroll (axe `scrollable-region-focusable`).
            viewportProps: { tabIndex: 0, role: 'region', 'aria-label': title },
            classNames: { viewport: 'scroll-region' },
          }}
        >
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('live.board.rank')}</Table.Th>
                <Table.Th>{t('live.board.team')}</Table.Th>
                <Table.Th>{t('live.board.project')}</Table.Th>
                <Table.Th ta="right">{t('live.board.score')}</Table.Th>
                <Table.Th ta="right">{t('live.board.sheets')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {board.rows.slice(0, limit).map((r) => (
                <Table.Tr key={r.submissionId} data-testid="live-board-row">
                  <Table.Td>{r.rank ?? '–'}</Table.Td>
                  <Table.Td>{r.teamName}</Table.Td>
                  <Table.Td>{r.title}</Table.Td>
                  <Table.Td ta="right">{formatScore(r.score, language)}</Table.Td>
                  <Table.Td ta="right">{r.sheets}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
