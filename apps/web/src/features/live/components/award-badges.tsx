import { Badge, Group, Stack, Text } from '@mantine/core';
import type { GalleryAward } from '@ca/shared';
import { useTranslation } from 'react-i18next';

/** A project's awards in the gallery: badges on a card, with prize and citation on its page. */
export function AwardBadges({ awards, detailed = false }: { awards: GalleryAward[]; detailed?: boolean }) {
  const { t } = useTranslation();
  if (awards.length === 0) return null;
  if (!detailed)
    return (
      <Group gap={6} data-testid="gallery-awards">
        {awards.map((a) => (
          <Badge key={a.id} color="grape.9" variant="filled" tt="none">
            {t('live.awards.badge', { name: a.name })}
          </Badge>
        ))}
      </Group>
    );
  return (
    <Stack gap="xs" data-testid="gallery-awards">
      {awards.map((a) => (
        <Stack key={a.id} gap={2}>
          <Text fw={700}>{t('live.awards.badge', { name: a.name })}</Text>
          {(a.prize || a.sponsor) && (
            <Text size="sm">
              {[a.prize, a.sponsor && t('screen.reveal.sponsor', { sponsor: a.sponsor })]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          )}
          {a.citation && (
            <Text size="sm" fs="italic">
              {a.citation}
            </Text>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
