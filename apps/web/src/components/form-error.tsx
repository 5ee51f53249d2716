import { Alert, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../lib/error-message';

/**
 * A failed form submission, told in the reader's language by the API's error code, with an
 * optional way forward (a link to register first, to the team, …). Announced as an alert.
 */
export function FormError({
  error,
  message: override,
  children,
}: {
  error: unknown;
  /** A message better suited to this form than the code's general one. */
  message?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={t('common.errorTitle')} role="alert" data-testid="form-error">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{override ?? message(error)}</Text>
        {children}
      </Stack>
    </Alert>
  );
}
