import {
  Button,
  Card,
  Checkbox,
  Divider,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Award, AwardInputBody, Edition } from '@ca/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error';
import { usePutAwards } from '../mutations';
import { liveQueries } from '../queries';

interface Draft {
  key: string;
  kind: 'track' | 'challenge';
  refId: string;
  name: string;
  include: boolean;
  prize: string;
  sponsor: string;
  citation: string;
  submissionId: string | null;
  winners: string;
}

/** One draft per track and per challenge, filled from the saved awards (or the challenge's own sponsor and prize). */
function draftsOf(edition: Edition, awards: Award[]): Draft[] {
  const saved = new Map(awards.map((a) => [a.trackId ?? a.challengeId!, a]));
  const out: Draft[] = [];
  for (const track of edition.tracks) {
    const a = saved.get(track.id);
    out.push({
      key: `t:${track.id}`,
      kind: 'track',
      refId: track.id,
      name: track.name,
      include: !!a,
      prize: a?.prize ?? '',
      sponsor: a?.sponsor ?? '',
      citation: a?.citation ?? '',
      submissionId: null,
      winners: a?.winners.map((w) => w.teamName).join(', ') ?? '',
    });
    for (const c of track.challenges) {
      const ca = saved.get(c.id);
      out.push({
        key: `c:${c.id}`,
        kind: 'challenge',
        refId: c.id,
        name: c.title,
        include: !!ca,
        prize: ca?.prize ?? c.prize ?? '',
        sponsor: ca?.sponsor ?? c.sponsor ?? '',
        citation: ca?.citation ?? '',
        submissionId: ca?.winners[0]?.submissionId ?? null,
        winners: '',
      });
    }
  }
  const order = new Map(awards.map((a) => [a.trackId ?? a.challengeId!, a.order]));
  return out.sort((x, y) => (order.get(x.refId) ?? 1e6) - (order.get(y.refId) ?? 1e6));
}

/** The awards of the show, prepared before it. */
export function AwardsPanel({ edition }: { edition: Edition }) {
  const awards = useQuery(liveQueries.awards(edition.id));
  // The form starts afresh from each version of the saved list.
  return (
    <AwardsForm key={awards.dataUpdatedAt} edition={edition} saved={awards.data} loadError={awards.error} />
  );
}

function AwardsForm({
  edition,
  saved,
  loadError,
}: {
  edition: Edition;
  saved: Award[] | undefined;
  loadError: unknown;
}) {
  const { t } = useTranslation();
  const submitted = useQuery(liveQueries.submitted(edition.id));
  const put = usePutAwards(edition.id);
  const [drafts, setDrafts] = useState<Draft[]>(() => (saved ? draftsOf(edition, saved) : []));
  const change = (key: string, patch: Partial<Draft>) =>
    setDrafts((ds) => ds.map((d) => (d.key === key ? { ...d, ...patch } : d)));

  const save = () => {
    const body: AwardInputBody[] = drafts
      .filter((d) => d.include)
      .map((d) =>
        d.kind === 'track'
          ? { kind: 'track', trackId: d.refId, prize: d.prize, sponsor: d.sponsor, citation: d.citation }
          : {
              kind: 'challenge',
              challengeId: d.refId,
              submissionId: d.submissionId,
              prize: d.prize,
              sponsor: d.sponsor,
              citation: d.citation,
            },
      );
    put.mutate(body, {
      onSuccess: () => notifications.show({ color: 'green', message: t('live.awards.saved') }),
    });
  };

  return (
    <Card withBorder padding="lg" data-testid="live-awards">
      <Stack gap="sm">
        <Title order={3}>{t('live.awards.title')}</Title>
        <Text size="sm">{t('live.awards.intro')}</Text>
        {drafts.map((d) => {
          const candidates = (submitted.data?.items ?? []).filter((s) => s.challengeIds.includes(d.refId));
          return (
            <Stack key={d.key} gap={6}>
              <Divider />
              <Checkbox
                checked={d.include}
                onChange={(e) => change(d.key, { include: e.currentTarget.checked })}
                label={
                  d.kind === 'track'
                    ? t('live.awards.track', { name: d.name })
                    : t('live.awards.challenge', { name: d.name })
                }
              />
              {d.include && (
                <>
                  <TextInput
                    label={t('live.awards.prize')}
                    value={d.prize}
                    maxLength={200}
                    onChange={(e) => change(d.key, { prize: e.currentTarget.value })}
                  />
                  <TextInput
                    label={t('live.awards.sponsor')}
                    value={d.sponsor}
                    maxLength={200}
                    onChange={(e) => change(d.key, { sponsor: e.currentTarget.value })}
                  />
                  <Textarea
                    label={t('live.awards.citation')}
                    value={d.citation}
                    maxLength={2000}
                    autosize
                    minRows={2}
                    onChange={(e) => change(d.key, { citation: e.currentTarget.value })}
                  />
                  {d.kind === 'challenge' ? (
                    <Select
                      label={t('live.awards.winner')}
                      placeholder={t('live.awards.noWinner')}
                      data={candidates.map((s) => ({ value: s.id, label: `${s.teamName} — ${s.title}` }))}
                      value={d.submissionId}
                      onChange={(v) => change(d.key, { submissionId: v })}
                      clearable
                    />
                  ) : (
                    d.winners && <Text size="sm">{t('live.awards.currentWinner', { names: d.winners })}</Text>
                  )}
                </>
              )}
            </Stack>
          );
        })}
        <Button onClick={save} loading={put.isPending} data-testid="awards-save" maw={240}>
          {t('live.awards.save')}
        </Button>
        <FormError error={put.error ?? loadError} />
      </Stack>
    </Card>
  );
}
