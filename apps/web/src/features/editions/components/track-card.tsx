import type { Track } from '@ca/shared';
import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A track with its challenges, each with its sponsor and prize when it has them. */
export function TrackCard({ track }: { track: Track }) {
  const { t } = useTranslation();
  return (
    <Card
      component="article"
      withBorder
      padding="lg"
      data-testid="track-card"
      aria-labelledby={`track-${track.id}`}
    >
      <Title order={3} id={`track-${track.id}`} mb="xs">
        {track.name}
      </Title>
      {track.description && (
        <Text size="sm" c="dimmed" mb="md">
          {track.description}
        </Text>
      )}
      <Title order={4} size="h5" mb="xs">
        {t('editions.tracks.challenges')}
      </Title>
      {track.challenges.length === 0 ? (
        <Text size="sm">{t('editions.tracks.noChallenges')}</Text>
      ) : (
        <Stack component="ul" gap="md" className="plain-list">
          {track.challenges.map((challenge) => (
            <li key={challenge.id} data-testid="challenge">
              <Text fw={700}>{challenge.title}</Text>
              {challenge.description && <Text size="sm">{challenge.description}</Text>}
              {(challenge.sponsor || challenge.prize) && (
                <Stack gap={0} mt={4}>
                  {challenge.sponsor && (
                    <Text size="sm">
                      <Text span fw={600}>
                        {t('editions.tracks.sponsor')}:
                      </Text>{' '}
                      {challenge.sponsor}
                    </Text>
                  )}
                  {challenge.prize && (
                    <Text size="sm">
                      <Text span fw={600}>
                        {t('editions.tracks.prize')}:
                      </Text>{' '}
                      {challenge.prize}
                    </Text>
                  )}
                </Stack>
              )}
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}
