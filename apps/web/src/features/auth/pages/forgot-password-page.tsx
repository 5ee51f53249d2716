import { PasswordResetRequestSchema, type PasswordResetRequest } from '@ca/shared';
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormError } from '../../../components/form-error';
import { labelsFrom, zodValidate } from '../../../lib/zod-form';
import { AuthShell } from '../components/auth-shell';
import { useRequestPasswordReset } from '../mutations';

/** `/forgot-password`: mails a reset link. The answer is the same whether the account exists. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const labels = { email: t('auth.fields.email') };
  const form = useForm<PasswordResetRequest>({
    initialValues: { email: '' },
    validate: zodValidate(PasswordResetRequestSchema, { label: labelsFrom(labels), t }),
  });

  return (
    <AuthShell
      title={t('auth.forgot.title')}
      intro={t('auth.forgot.intro')}
      footer={
        <Anchor component={Link} to="/login" fw={600}>
          ← {t('auth.forgot.back')}
        </Anchor>
      }
    >
      {request.isSuccess ? (
        <Alert color="green" variant="light" role="status" data-testid="forgot-sent">
          {t('auth.forgot.sent', { email: request.variables.email })}
        </Alert>
      ) : (
        <form noValidate onSubmit={form.onSubmit((values) => request.mutate(values))}>
          <Stack gap="md">
            <FormError error={request.error} />
            <TextInput
              label={labels.email}
              type="email"
              autoComplete="email"
              required
              data-testid="forgot-email"
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={request.isPending} data-testid="forgot-submit">
              {t('auth.forgot.submit')}
            </Button>
            <Text size="sm" c="dimmed">
              {t('auth.forgot.note')}
            </Text>
          </Stack>
        </form>
      )}
    </AuthShell>
  );
}
