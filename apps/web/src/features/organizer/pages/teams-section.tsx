import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SectionHeader } from '../console/section-header';

export function TeamsSection() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <SectionHeader title={t('organizer.console.sections.teams')} />
    </Stack>
  );
}
