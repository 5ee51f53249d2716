import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { useErrorMessage } from '../lib/error-message';
import { NotFoundPage } from './not-found-page';

/** What a route shows when rendering it throws: never a blank page, always a way back. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  const message = useErrorMessage();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  console.error(error);
  return (
    <Stack gap="md" maw={640} role="alert">
      <Title order={1}>{t('common.errorTitle')}</Title>
      <Text>{message(error)}</Text>
      <Anchor component={Link} to="/" fw={600}>
        {t('common.notFound.home')}
      </Anchor>
    </Stack>
  );
}
