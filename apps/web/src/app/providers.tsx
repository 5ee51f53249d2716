import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../lib/i18n';
import { authKeys } from '../features/auth/queries';
import { cssVariablesResolver, theme } from './theme';

/** Everything a screen needs around it; tests render pages inside the same providers. */
export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  useRefetchOnLanguageChange(queryClient);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
          {/* Bottom corner: at the top they covered the language switch and the drawer's close button. */}
          <Notifications position="bottom-right" />
          {children}
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

/**
 * Texts written by organizers come from the API in the language of the request (`Accept-Language`),
 * so switching the UI language refetches what is on screen; who is signed in does not change.
 */
function useRefetchOnLanguageChange(queryClient: QueryClient): void {
  useEffect(() => {
    const refetch = () =>
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== authKeys.all[0] });
    i18n.on('languageChanged', refetch);
    return () => i18n.off('languageChanged', refetch);
  }, [queryClient]);
}
