import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A console section's heading (the page's h1), what it is for, and the document title. */
export function SectionHeader({
  title,
  intro,
  documentTitle,
  actions,
}: {
  title: string;
  intro?: ReactNode;
  /** Defaults to the title; the edition's name is added by the layout's own title. */
  documentTitle?: string;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  useDocumentTitle(`${documentTitle ?? title} · ${t('organizer.list.title')} · ${t('common.appName')}`);
  return (
    <Stack gap={4}>
      <div className="section-header">
        <Title order={1} className="page-title" data-testid="console-section-title">
          {title}
        </Title>
        {actions}
      </div>
      {intro && (
        <Text c="dimmed" maw={760}>
          {intro}
        </Text>
      )}
    </Stack>
  );
}
