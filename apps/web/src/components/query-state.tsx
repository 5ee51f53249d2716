import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NotFoundPage } from '../app/not-found-page';
import { isApiError } from '../lib/http';
import { useErrorMessage } from '../lib/error-message';

/** A failed query, told in the reader's language by its error code, with a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage()(error);
  return (
    <Alert color="red" variant="light" title={t('common.errorTitle')} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{message}</Text>
        {onRetry && (
          <Button variant="outline" color="red.9" size="xs" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** A page still loading: a spinner with its name for screen readers. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader aria-hidden="true" />
      <Text ml="sm">{t('common.loading')}</Text>
    </Center>
  );
}

/**
 * A page's main query while it loads or after it failed: the loader, the Not Found page for a 404,
 * else the translated error with a retry. Pages write
 * `if (query.isPending || query.isError) return <QueryPageState query={query} />;`, which keeps
 * TypeScript's narrowing of `query.data` for the rest of the page.
 */
export function QueryPageState({
  query,
  notFoundMessage,
}: {
  query: Pick<UseQueryResult<unknown>, 'isPending' | 'error' | 'refetch'>;
  notFoundMessage?: string;
}) {
  if (query.isPending) return <PageLoader />;
  if (isApiError(query.error) && query.error.code === 'NOT_FOUND')
    return <NotFoundPage message={notFoundMessage} />;
  return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
}
