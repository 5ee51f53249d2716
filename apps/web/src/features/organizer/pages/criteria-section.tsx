import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CriteriaEditor } from '../components/criteria-editor';
import { useConsoleEdition } from '../console/console-context';
import { SectionHeader } from '../console/section-header';

/** The console's scoring criteria: names, weights and scales, in order. */
export function CriteriaSection() {
  const { t } = useTranslation();
  const edition = useConsoleEdition();
  return (
    <Stack gap="lg">
      <SectionHeader title={t('organizer.criteria.title')} />
      <CriteriaEditor
        key={edition.criteria.map((c) => c.id).join()}
        editionId={edition.id}
        criteria={edition.criteria}
      />
    </Stack>
  );
}
