import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TracksEditor } from '../components/tracks-editor';
import { useConsoleEdition } from '../console/console-context';
import { SectionHeader } from '../console/section-header';

/** The console's tracks with their challenges: added, edited and (challenges) deleted. */
export function TracksSection() {
  const { t } = useTranslation();
  const edition = useConsoleEdition();
  return (
    <Stack gap="lg">
      <SectionHeader title={t('organizer.console.sections.tracks')} intro={t('organizer.tracks.intro')} />
      <TracksEditor edition={edition} />
    </Stack>
  );
}
