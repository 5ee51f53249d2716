import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useParams } from 'react-router';
import { QueryPageState } from '../../../components/query-state';
import { PhaseBadge } from '../../editions/components/phase-badge';
import { editionQueries } from '../../editions/queries';
import type { ConsoleContext } from './console-context';
import { CONSOLE_SECTIONS, sectionPath } from './sections';

/**
 * `/organize/editions/:slug/*`: the organizer console of one edition. The section menu (a column
 * on wide screens, a scrolling row on a phone) comes from `CONSOLE_SECTIONS`; each section gets
 * the edition through the outlet context.
 */
export function ConsoleLayout() {
  const { slug = '' } = useParams<{ slug: string }>();
  const { t } = useTranslation();
  const query = useQuery(editionQueries.detail(slug));

  if (query.isPending || query.isError)
    return <QueryPageState query={query} notFoundMessage={t('errors.NOT_FOUND')} />;
  const edition = query.data;

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Anchor component={Link} to="/organize" size="sm" fw={600}>
          ← {t('organizer.console.allEditions')}
        </Anchor>
        <Group gap="xs" wrap="wrap">
          <Text fw={700} size="lg" data-testid="console-edition-name">
            {edition.name}
          </Text>
          <PhaseBadge phase={edition.phase} />
          <Badge variant="filled" color={edition.published ? 'teal.9' : 'gray.7'}>
            {edition.published ? t('organizer.list.published') : t('organizer.list.draft')}
          </Badge>
          <Anchor component={Link} to={`/editions/${edition.slug}`} size="sm" fw={600}>
            {t('organizer.editor.viewPublic')}
          </Anchor>
        </Group>
      </Stack>
      <div className="console">
        <nav aria-label={t('organizer.console.menu')} className="console-nav" data-testid="console-nav">
          {CONSOLE_SECTIONS.map((section) => (
            <NavLink
              key={section.id}
              to={sectionPath(edition.slug, section)}
              end={section.path === ''}
              className="console-nav-link"
              data-testid={`console-nav-${section.id}`}
            >
              {section.label(t)}
            </NavLink>
          ))}
        </nav>
        <div className="console-body">
          <Outlet context={{ edition } satisfies ConsoleContext} />
        </div>
      </div>
    </Stack>
  );
}
