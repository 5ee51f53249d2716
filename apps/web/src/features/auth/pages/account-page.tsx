import { PasswordChangeSchema, type PasswordChange } from '@ca/shared';
import { Button, Divider, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error';
import { PasswordField } from '../../../components/password-field';
import { labelsFrom, showApiFieldError, zodValidate } from '../../../lib/zod-form';
import { AuthShell } from '../components/auth-shell';
import { NotificationSettingsSection } from '../components/notification-settings';
import { useChangePassword } from '../mutations';
import { useAuth } from '../queries';

/** `/account`: who is signed in, and a new password (which ends the account's other sessions). */
export function AccountPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const change = useChangePassword();
  const labels = {
    currentPassword: t('auth.fields.currentPassword'),
    newPassword: t('auth.fields.newPassword'),
  };
  const form = useForm<PasswordChange>({
    initialValues: { currentPassword: '', newPassword: '' },
    validate: zodValidate(PasswordChangeSchema, { label: labelsFrom(labels), t }),
  });

  return (
    <AuthShell
      title={t('auth.account.title')}
      intro={me ? t('auth.account.signedInAs', { name: me.name, email: me.email }) : undefined}
    >
      <form
        noValidate
        data-testid="password-form"
        onSubmit={form.onSubmit((values) =>
          change.mutate(values, {
            onSuccess: () => {
              form.reset();
              notifications.show({ color: 'green', message: t('auth.account.changed') });
            },
            onError: (error) =>
              showApiFieldError(form, error, { labels, t, byCode: { WRONG_PASSWORD: 'currentPassword' } }),
          }),
        )}
      >
        <Stack gap="md">
          <Title order={2} size="h3">
            {t('auth.account.passwordTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('auth.account.passwordNote')}
          </Text>
          <FormError error={change.error} />
          <PasswordField
            label={labels.currentPassword}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordField
            label={labels.newPassword}
            description={t('auth.fields.passwordHint')}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <Button type="submit" loading={change.isPending} data-testid="password-submit">
            {t('auth.account.submit')}
          </Button>
        </Stack>
      </form>
      <Divider my="xl" />
      <NotificationSettingsSection />
    </AuthShell>
  );
}
