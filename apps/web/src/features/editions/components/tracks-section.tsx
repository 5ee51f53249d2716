import { SimpleGrid, Text, Title } from '@mantine/core';
import type { Track } from '@ca/shared';
import { useTranslation } from 'react-i18next';
import { TrackCard } from './track-card';

/** The edition's tracks with their challenges and prizes (home page and edition page). */
export function TracksSection({ tracks, titleId }: { tracks: Track[]; titleId: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={titleId}>
      <Title order={2} id={titleId} mb="md">
        {t('editions.tracks.title')}
      </Title>
      {tracks.length === 0 ? (
        <Text>{t('editions.tracks.empty')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
          {tracks.map((track) => (
            <TrackCard key={track.id} track={track} />
          ))}
        </SimpleGrid>
      )}
    </section>
  );
}
