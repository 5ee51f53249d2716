import { PasswordResetConfirmSchema } from '@ca/shared';
import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormError } from '../../../components/form-error';
import { PasswordField } from '../../../components/password-field';
import { isApiError } from '../../../lib/http';
import { labelsFrom, zodValidate } from '../../../lib/zod-form';
import { AuthShell } from '../components/auth-shell';
import { useConfirmPasswordReset } from '../mutations';

/** `/reset-password?token=…`, the page the reset mail links to: a new password for the account. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmPasswordReset();
  const labels = { password: t('auth.fields.newPassword') };
  const form = useForm<{ password: string }>({
    initialValues: { password: '' },
    validate: zodValidate(PasswordResetConfirmSchema, {
      label: labelsFrom(labels),
      t,
      toBody: (v: { password: string }) => ({ token: token || 'x', password: v.password }),
    }),
  });
  const requestAgain = (
    <Anchor component={Link} to="/forgot-password" fw={600}>
      {t('auth.reset.requestAgain')}
    </Anchor>
  );

  return (
    <AuthShell title={t('auth.reset.title')} intro={token ? t('auth.reset.intro') : undefined}>
      {!token ? (
        <Stack gap="sm" align="flex-start">
          <Alert color="red" variant="light" role="alert">
            {t('auth.reset.noToken')}
          </Alert>
          {requestAgain}
        </Stack>
      ) : confirm.isSuccess ? (
        <Stack gap="sm" align="flex-start">
          <Alert color="green" variant="light" role="status" data-testid="reset-done">
            {t('auth.reset.done')}
          </Alert>
          <Button component={Link} to="/login">
            {t('auth.login.title')}
          </Button>
        </Stack>
      ) : (
        <form noValidate onSubmit={form.onSubmit(({ password }) => confirm.mutate({ token, password }))}>
          <Stack gap="md">
            <FormError error={confirm.error}>
              {isApiError(confirm.error) && confirm.error.code === 'INVALID_TOKEN' && requestAgain}
            </FormError>
            <PasswordField
              label={labels.password}
              description={t('auth.fields.passwordHint')}
              autoComplete="new-password"
              required
              data-testid="reset-password"
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={confirm.isPending} data-testid="reset-submit">
              {t('auth.reset.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthShell>
  );
}
