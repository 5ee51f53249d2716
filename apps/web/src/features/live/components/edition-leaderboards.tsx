import { Card, SegmentedControl, Stack } from '@mantine/core';
import type { Edition } from '@ca/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LiveBoard } from './live-board';
import { LiveIndicator } from './live-indicator';

const WHOLE = 'all';

/** The edition page's live leaderboards (as rule 7 lets this reader see them), one board at a time. */
export function EditionLeaderboards({ edition }: { edition: Edition }) {
  const { t } = useTranslation();
  const [board, setBoard] = useState(WHOLE);
  if (edition.phase !== 'judging' && edition.phase !== 'finished') return null;
  const trackId = board === WHOLE ? null : board;
  return (
    <Card withBorder padding="lg" data-testid="edition-leaderboards">
      <Stack gap="sm">
        <LiveIndicator />
        {edition.tracks.length > 0 && (
          <SegmentedControl
            value={board}
            onChange={setBoard}
            data={[
              { value: WHOLE, label: t('live.board.whole') },
              ...edition.tracks.map((tr) => ({ value: tr.id, label: tr.name })),
            ]}
            fullWidth
            style={{ flexWrap: 'wrap' }}
          />
        )}
        <LiveBoard
          editionId={edition.id}
          trackId={trackId}
          title={trackId ? (edition.tracks.find((x) => x.id === trackId)?.name ?? '') : t('live.board.title')}
        />
      </Stack>
    </Card>
  );
}
