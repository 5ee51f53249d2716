import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage({ message }: { message?: string }) {
  const { t } = useTranslation();
  useDocumentTitle(`${t('common.notFound.title')} · ${t('common.appName')}`);
  return (
    <Stack gap="md" maw={640}>
      <Title order={1} className="page-title">
        {t('common.notFound.title')}
      </Title>
      <Text>{message ?? t('common.notFound.body')}</Text>
      <Anchor component={Link} to="/" fw={600}>
        {t('common.notFound.home')}
      </Anchor>
    </Stack>
  );
}
