import { LANGUAGES, type Language, type NotificationSettings, type NotificationTopic } from '@ca/shared';
import { Select, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageLoader, QueryError } from '../../../components/query-state';
import { useUpdateNotificationSettings } from '../mutations';
import { notificationQueries } from '../queries';

const TOPICS: NotificationTopic[] = ['joinRequests', 'deadlineReminders', 'results'];

/** The account page's mail settings: the language of the mail, and the optional notifications. */
export function NotificationSettingsSection() {
  const { t } = useTranslation();
  const query = useQuery(notificationQueries.settings());
  return (
    <Stack
      gap="md"
      data-testid="notification-settings"
      component="section"
      aria-labelledby="mail-settings-title"
    >
      <Title order={2} size="h3" id="mail-settings-title">
        {t('auth.account.notificationsTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('auth.account.notificationsNote')}
      </Text>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <SettingsForm settings={query.data} />
      )}
    </Stack>
  );
}

/** Each change is saved at once. */
function SettingsForm({ settings }: { settings: NotificationSettings }) {
  const { t } = useTranslation();
  const update = useUpdateNotificationSettings();
  const save = (body: Partial<NotificationSettings>) =>
    update.mutate(body, {
      onSuccess: () => notifications.show({ color: 'green', message: t('auth.account.saved') }),
    });
  return (
    <Stack gap="sm">
      <Select
        label={t('auth.account.language')}
        data={LANGUAGES.map((l) => ({ value: l, label: t(`common.language.${l}`) }))}
        value={settings.language}
        allowDeselect={false}
        disabled={update.isPending}
        data-testid="mail-language"
        onChange={(v) => {
          if (v && v !== settings.language) save({ language: v as Language });
        }}
      />
      {TOPICS.map((topic) => (
        <Switch
          key={topic}
          label={t(`auth.account.${topic}`)}
          checked={settings[topic]}
          disabled={update.isPending}
          data-testid={`notify-${topic}`}
          onChange={(e) => save({ [topic]: e.currentTarget.checked })}
        />
      ))}
    </Stack>
  );
}
