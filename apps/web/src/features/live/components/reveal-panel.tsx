import { Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import type { Edition, RevealStep } from '@ca/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error';
import { useReveal } from '../mutations';

const WHOLE = 'all';

/** Start, step through and reset the results show on every event screen. */
export function RevealPanel({ edition, reveal }: { edition: Edition; reveal: RevealStep | null }) {
  const { t } = useTranslation();
  const [board, setBoard] = useState<string>(WHOLE);
  const act = useReveal(edition.id);
  const options = [
    { value: WHOLE, label: t('live.board.whole') },
    ...edition.tracks.map((tr) => ({ value: tr.id, label: tr.name })),
  ];
  return (
    <Card withBorder padding="lg" data-testid="live-reveal">
      <Stack gap="sm">
        <Title order={3}>{t('live.reveal.title')}</Title>
        <Select
          label={t('live.reveal.board')}
          data={options}
          value={board}
          onChange={(v) => setBoard(v ?? WHOLE)}
          allowDeselect={false}
          maw={360}
        />
        <Group gap="sm">
          <Button
            loading={act.isPending}
            onClick={() => act.mutate({ action: 'start', trackId: board === WHOLE ? null : board })}
            data-testid="reveal-start"
          >
            {t('live.reveal.start')}
          </Button>
          <Button
            loading={act.isPending}
            disabled={!reveal || reveal.step >= reveal.total}
            onClick={() => act.mutate({ action: 'next' })}
            data-testid="reveal-next"
          >
            {t('live.reveal.next')}
          </Button>
          <Button
            variant="outline"
            color="red.9"
            disabled={!reveal}
            onClick={() => act.mutate({ action: 'reset' })}
          >
            {t('live.reveal.reset')}
          </Button>
        </Group>
        <Text data-testid="reveal-progress">
          {reveal
            ? `${t('live.reveal.progress', { step: reveal.step, total: reveal.total })} · ${t('live.reveal.places', { count: reveal.places })}`
            : t('live.reveal.idle')}
        </Text>
        <FormError error={act.error} />
      </Stack>
    </Card>
  );
}
