import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { isApiError } from '../lib/http';
import { NotFoundPage } from './not-found-page';

/** What a route shows when rendering it throws: never a blank page, always a way back. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  console.error(error);
  return (
    <Stack gap="md" maw={640} role="alert">
      <Title order={1}>{t('common.errorTitle')}</Title>
      <Text>{isApiError(error) ? t(error.i18nKey) : t('errors.INTERNAL')}</Text>
      <Anchor component={Link} to="/" fw={600}>
        {t('common.notFound.home')}
      </Anchor>
    </Stack>
  );
}
