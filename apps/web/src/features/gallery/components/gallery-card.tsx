import type { GalleryItem } from '@ca/shared';
import { Anchor, Badge, Card, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AwardBadges } from '../../live/components/award-badges';
import '../gallery.css';

/** One project in the gallery; the whole card is the link to its page (its title names the link). */
export function GalleryCard({ item, editionSlug }: { item: GalleryItem; editionSlug: string }) {
  const { t } = useTranslation();
  return (
    <Card component="li" withBorder padding="lg" className="gallery-card" data-testid="gallery-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm" mb={4}>
        <Title order={2} size="h4">
          <Anchor
            component={Link}
            to={`/editions/${editionSlug}/gallery/${item.submissionId}`}
            className="stretched-link"
            inherit
            c="inherit"
          >
            {item.title}
          </Anchor>
        </Title>
        {item.rank !== null && (
          <Badge color="yellow.4" autoContrast variant="filled" size="lg" data-testid="gallery-rank">
            {t('gallery.rank', { rank: item.rank })}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {t('gallery.by', { team: item.teamName })}
      </Text>
      {item.tagline && (
        <Text size="sm" mb="sm" lineClamp={3}>
          {item.tagline}
        </Text>
      )}
      <AwardBadges awards={item.awards} />
      <Group gap={6} mt="auto">
        <Badge color="blue.8" variant="filled">
          {item.trackName}
        </Badge>
        {item.techTags.slice(0, 5).map((tag) => (
          <Badge key={tag} color="gray.8" variant="outline" tt="none">
            {tag}
          </Badge>
        ))}
      </Group>
    </Card>
  );
}
