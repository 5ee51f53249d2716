import { EXPORT_COLUMNS, EXPORT_KINDS } from '@ca/shared';
import { Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { API_BASE } from '../../../lib/http';
import { useConsoleEdition } from '../console/console-context';
import { SectionHeader } from '../console/section-header';

/**
 * The edition's CSV exports, one card each: plain links to the API's streamed files (the session
 * cookie goes with them, and the server names the file after the edition and the date).
 */
export function ExportsSection() {
  const { t } = useTranslation();
  const edition = useConsoleEdition();
  return (
    <Stack gap="lg">
      <SectionHeader title={t('organizer.console.sections.exports')} intro={t('console.exports.intro')} />
      <SimpleGrid component="ul" cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" className="plain-list">
        {EXPORT_KINDS.map((kind) => {
          const name = t(`console.exports.kinds.${kind}`);
          return (
            <Card component="li" withBorder padding="md" key={kind} data-testid={`export-${kind}`}>
              <Stack gap="xs" h="100%">
                <Title order={2} size="h4">
                  {name}
                </Title>
                <Text size="sm">{t(`console.exports.about.${kind}`)}</Text>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {t('console.exports.columns', { columns: EXPORT_COLUMNS[kind].join(', ') })}
                </Text>
                <Button
                  component="a"
                  href={`${API_BASE}/editions/${edition.id}/exports/${kind}.csv`}
                  download
                  mt="auto"
                  style={{ alignSelf: 'flex-start' }}
                  aria-label={t('console.exports.downloadOf', { kind: name })}
                  data-testid={`export-${kind}-link`}
                >
                  {t('console.exports.download')}
                </Button>
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
