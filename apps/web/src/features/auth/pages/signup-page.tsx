import { RegisterSchema, type RegisterInput } from '@ca/shared';
import { Anchor, Button, Checkbox, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Trans, useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { FormError } from '../../../components/form-error';
import { PasswordField } from '../../../components/password-field';
import { PageLoader } from '../../../components/query-state';
import { currentLanguage } from '../../../lib/i18n';
import { labelsFrom, showApiFieldError, zodValidate } from '../../../lib/zod-form';
import { AuthShell } from '../components/auth-shell';
import { useRegister } from '../mutations';
import { safeNext, useAuth } from '../queries';

/** `/signup?next=…`: a new account, signed in at once. */
export function SignupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const auth = useAuth();
  const register = useRegister();
  const labels = {
    name: t('auth.fields.name'),
    email: t('auth.fields.email'),
    password: t('auth.fields.password'),
  };
  const validateFields = zodValidate(RegisterSchema, { label: labelsFrom(labels), t });
  const form = useForm<RegisterInput>({
    initialValues: { name: '', email: '', password: '', acceptTerms: false },
    // The terms must be accepted (the API answers 400 TERMS_NOT_ACCEPTED otherwise).
    validate: (values) => ({
      ...validateFields(values),
      ...(values.acceptTerms ? {} : { acceptTerms: t('auth.signup.termsRequired') }),
    }),
  });

  if (auth.isPending) return <PageLoader />;
  if (auth.me) return <Navigate to={next} replace />;

  const keepNext = params.get('next') ? `?next=${encodeURIComponent(next)}` : '';

  return (
    <AuthShell
      title={t('auth.signup.title')}
      intro={t('auth.signup.intro')}
      footer={
        <Text>
          {t('auth.signup.haveAccount')}{' '}
          <Anchor component={Link} to={`/login${keepNext}`} fw={600}>
            {t('auth.login.title')}
          </Anchor>
        </Text>
      }
    >
      <form
        noValidate
        data-testid="signup-form"
        onSubmit={form.onSubmit((values) =>
          register.mutate(
            // Mail in the language the page is read in (changeable later in the account settings).
            { ...values, language: currentLanguage() },
            {
              onError: (error) =>
                showApiFieldError(form, error, {
                  labels,
                  t,
                  byCode: { EMAIL_TAKEN: 'email', TERMS_NOT_ACCEPTED: 'acceptTerms' },
                }),
            },
          ),
        )}
      >
        <Stack gap="md">
          <FormError error={register.error} />
          <TextInput
            label={labels.name}
            autoComplete="name"
            required
            data-testid="signup-name"
            {...form.getInputProps('name')}
          />
          <TextInput
            label={labels.email}
            type="email"
            autoComplete="email"
            required
            data-testid="signup-email"
            {...form.getInputProps('email')}
          />
          <PasswordField
            label={labels.password}
            description={t('auth.fields.passwordHint')}
            autoComplete="new-password"
            required
            data-testid="signup-password"
            {...form.getInputProps('password')}
          />
          <Checkbox
            required
            data-testid="signup-accept-terms"
            label={
              <Trans
                i18nKey="auth.signup.acceptTerms"
                components={[<Anchor key="terms" component={Link} to="/terms" target="_blank" />]}
              />
            }
            {...form.getInputProps('acceptTerms', { type: 'checkbox' })}
          />
          <Button type="submit" loading={register.isPending} data-testid="signup-submit">
            {t('auth.signup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthShell>
  );
}
