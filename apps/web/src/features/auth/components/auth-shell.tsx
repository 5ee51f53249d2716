import { Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The frame of the account pages: a titled, narrow column that reads well on a phone. */
export function AuthShell({
  title,
  intro,
  children,
  footer,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} · ${t('common.appName')}`);
  return (
    <Stack gap="md" maw={460} mx="auto" w="100%">
      <Title order={1} className="page-title">
        {title}
      </Title>
      {intro && <Text>{intro}</Text>}
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        {children}
      </Paper>
      {footer}
    </Stack>
  );
}
