import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoader, QueryError } from '../../../components/query-state';
import { useFormat } from '../../../lib/format';
import { PhaseBadge } from '../../editions/components/phase-badge';
import { editionQueries } from '../../editions/queries';

/** `/organize` (organizers): every edition, drafts included, and a way to start a new one. */
export function OrganizePage() {
  const { t } = useTranslation();
  const format = useFormat();
  useDocumentTitle(`${t('organizer.list.title')} · ${t('common.appName')}`);
  const editions = useQuery(editionQueries.list());

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} className="page-title">
          {t('organizer.list.title')}
        </Title>
        <Button component={Link} to="/organize/editions/new" data-testid="new-edition">
          {t('organizer.list.new')}
        </Button>
      </Group>
      {editions.isPending ? (
        <PageLoader />
      ) : editions.isError ? (
        <QueryError error={editions.error} onRetry={() => void editions.refetch()} />
      ) : editions.data.items.length === 0 ? (
        <Text>{t('organizer.list.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing="sm" data-testid="organizer-editions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('organizer.fields.name')}</Table.Th>
                <Table.Th>{t('editions.phase.label')}</Table.Th>
                <Table.Th>{t('organizer.list.visibility')}</Table.Th>
                <Table.Th>{t('editions.timeline.registrationOpensAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {editions.data.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/organize/editions/${e.slug}`} fw={700}>
                      {e.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <PhaseBadge phase={e.phase} />
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="filled" color={e.published ? 'teal.9' : 'gray.7'}>
                      {e.published ? t('organizer.list.published') : t('organizer.list.draft')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{format.dateTime(e.registrationOpensAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
