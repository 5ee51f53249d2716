import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SectionHeader } from '../console/section-header';

export function ParticipantsSection() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <SectionHeader title={t('organizer.console.sections.participants')} />
    </Stack>
  );
}
