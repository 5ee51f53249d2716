import { LoginSchema, type LoginInput } from '@ca/shared';
import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { FormError } from '../../../components/form-error';
import { PasswordField } from '../../../components/password-field';
import { PageLoader } from '../../../components/query-state';
import { isApiError } from '../../../lib/http';
import { labelsFrom, zodValidate } from '../../../lib/zod-form';
import { AuthShell } from '../components/auth-shell';
import { useLogin } from '../mutations';
import { safeNext, useAuth } from '../queries';

/** `/login?next=…`: email and password; back to where the visitor was going once signed in. */
export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const auth = useAuth();
  const login = useLogin();
  const labels = { email: t('auth.fields.email'), password: t('auth.fields.password') };
  const form = useForm<LoginInput>({
    initialValues: { email: '', password: '' },
    validate: zodValidate(LoginSchema, { label: labelsFrom(labels), t }),
  });

  if (auth.isPending) return <PageLoader />;
  // Signed in (already, or just now): on to where they were going.
  if (auth.me) return <Navigate to={next} replace />;

  const keepNext = params.get('next') ? `?next=${encodeURIComponent(next)}` : '';
  const wrongCredentials = isApiError(login.error) && login.error.code === 'UNAUTHENTICATED';

  return (
    <AuthShell
      title={t('auth.login.title')}
      footer={
        <Text>
          {t('auth.login.noAccount')}{' '}
          <Anchor component={Link} to={`/signup${keepNext}`} fw={600}>
            {t('auth.signup.title')}
          </Anchor>
        </Text>
      }
    >
      <form noValidate onSubmit={form.onSubmit((values) => login.mutate(values))} data-testid="login-form">
        <Stack gap="md">
          <FormError
            error={login.error}
            message={wrongCredentials ? t('auth.login.wrongCredentials') : undefined}
          />
          <TextInput
            label={labels.email}
            type="email"
            autoComplete="email"
            required
            data-testid="login-email"
            {...form.getInputProps('email')}
          />
          <PasswordField
            label={labels.password}
            autoComplete="current-password"
            required
            data-testid="login-password"
            {...form.getInputProps('password')}
          />
          <Group justify="space-between" align="center" wrap="wrap">
            <Anchor component={Link} to="/forgot-password" size="sm" fw={600}>
              {t('auth.login.forgot')}
            </Anchor>
            <Button type="submit" loading={login.isPending} data-testid="login-submit">
              {t('auth.login.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthShell>
  );
}
