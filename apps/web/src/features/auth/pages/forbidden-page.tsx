import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A signed-in person on a page their role does not open. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('auth.forbidden.title')} · ${t('common.appName')}`);
  return (
    <Stack gap="md" maw={640}>
      <Title order={1} className="page-title">
        {t('auth.forbidden.title')}
      </Title>
      <Text>{t('auth.forbidden.body')}</Text>
      <Anchor component={Link} to="/" fw={600}>
        {t('common.notFound.home')}
      </Anchor>
    </Stack>
  );
}
