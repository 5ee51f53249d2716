import { notifications } from '@mantine/notifications';
import { MutationCache, QueryClient } from '@tanstack/react-query';
import { errorMessage } from '../lib/error-message';
import { isApiError } from '../lib/http';
import { i18n } from '../lib/i18n';

declare module '@tanstack/react-query' {
  interface Register {
    /** `errorShownInPlace`: the form shows the error beside its fields; no notification. */
    mutationMeta: { errorShownInPlace?: boolean };
  }
}

/** Retrying helps only when the request may succeed later: no response at all, or a 5xx. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (!isApiError(error)) return false;
  return error.status === 0 || error.status >= 500;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry },
      mutations: { retry: false },
    },
    // A failed mutation is always worth telling; each screen still shows query errors in place.
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (mutation.meta?.errorShownInPlace) return;
        notifications.show({
          color: 'red',
          title: i18n.t('common.errorTitle'),
          message: errorMessage(error),
        });
      },
    }),
  });
}
