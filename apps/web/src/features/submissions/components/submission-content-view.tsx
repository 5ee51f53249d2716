import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ExternalLink } from '../../markdown/external-link';
import { MarkdownView } from '../../markdown/markdown-view';
import type { ContentValues } from '../content';

/**
 * A submission's content, read-only: used for an old version, another member's newer text, and
 * the organizers' view. `headingLevel` is the level of its title in the surrounding page.
 */
export function SubmissionContentView({
  content,
  challengeTitles,
  trackName,
  headingLevel = 3,
  descriptionTestId = 'content-description',
}: {
  content: ContentValues;
  challengeTitles: Map<string, string>;
  trackName?: string;
  headingLevel?: 2 | 3 | 4;
  descriptionTestId?: string;
}) {
  const { t } = useTranslation();
  const sub = (headingLevel + 1) as 3 | 4 | 5;
  const links = (['repoUrl', 'demoUrl', 'videoUrl'] as const).filter((k) => content[k] !== '');

  return (
    <Stack gap="sm">
      <div>
        <Title order={headingLevel} size="h4">
          {content.title || t('submissions.content.noTitle')}
        </Title>
        {content.tagline && <Text>{content.tagline}</Text>}
        {trackName && (
          <Text size="sm" c="dimmed">
            {t('submissions.content.track')}: {trackName}
          </Text>
        )}
      </div>
      <MarkdownView
        source={content.description}
        headingOffset={sub - 1}
        empty={t('submissions.content.noDescription')}
        data-testid={descriptionTestId}
      />
      <div>
        <Title order={sub} size="h6">
          {t('submissions.content.links')}
        </Title>
        {links.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('submissions.content.noLinks')}
          </Text>
        ) : (
          <ul className="plain-list">
            {links.map((k) => (
              <li key={k}>
                <Text size="sm" span fw={600}>
                  {t(`submissions.editor.fields.${k}`)}:{' '}
                </Text>
                <ExternalLink href={content[k]} size="sm" style={{ overflowWrap: 'anywhere' }} />
              </li>
            ))}
          </ul>
        )}
      </div>
      {content.techTags.length > 0 && (
        <div>
          <Title order={sub} size="h6">
            {t('submissions.content.techTags')}
          </Title>
          <Group gap={6}>
            {content.techTags.map((tag) => (
              <Badge key={tag} variant="outline" color="gray.8" tt="none">
                {tag}
              </Badge>
            ))}
          </Group>
        </div>
      )}
      {content.challengeIds.length > 0 && (
        <div>
          <Title order={sub} size="h6">
            {t('submissions.content.challenges')}
          </Title>
          <ul>
            {content.challengeIds.map((id) => (
              <li key={id}>
                <Text size="sm">{challengeTitles.get(id) ?? id}</Text>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Stack>
  );
}
