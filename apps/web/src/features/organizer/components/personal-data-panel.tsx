import type { Edition } from '@ca/shared';
import { Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/confirm-modal';
import { FormError } from '../../../components/form-error';
import { useFormat } from '../../../lib/format';
import { usePurgePersonalData, useUpdateEdition } from '../mutations';

/** A year after judging ends: the retention date of an edition that sets none (the API's default). */
export function retentionOf(edition: Pick<Edition, 'personalDataRetentionUntil' | 'judgingEndsAt'>): string {
  return edition.personalDataRetentionUntil ?? dayjs(edition.judgingEndsAt).add(1, 'year').toISOString();
}

/**
 * The edition's personal data: its retention date (set here, a year after judging by default) and,
 * once that has passed, the purge, asked for again in a confirmation.
 */
export function PersonalDataPanel({ edition }: { edition: Edition }) {
  const { t } = useTranslation();
  const format = useFormat();
  const update = useUpdateEdition(edition.id);
  const purge = usePurgePersonalData(edition.id);
  const [confirming, setConfirming] = useState(false);
  const [date, setDate] = useState<string | null>(
    edition.personalDataRetentionUntil
      ? dayjs(edition.personalDataRetentionUntil).format('YYYY-MM-DD HH:mm:ss')
      : null,
  );
  const retention = retentionOf(edition);
  const reached = Date.parse(edition.serverTime) >= Date.parse(retention);

  return (
    <Fieldset legend={t('organizer.privacy.title')} data-testid="personal-data-panel">
      <Stack gap="sm">
        <Text size="sm">
          {edition.personalDataPurgedAt
            ? t('organizer.privacy.purgedAt', { at: format.dateTime(edition.personalDataPurgedAt) })
            : t('organizer.privacy.keptUntil', { at: format.dateTime(retention) })}
        </Text>
        <Group align="flex-end" gap="sm">
          <DateTimePicker
            label={t('organizer.privacy.retentionUntil')}
            description={t('organizer.privacy.retentionHint')}
            clearable
            valueFormat="DD MMM YYYY, HH:mm"
            placeholder={t('organizer.fields.pickDateTime')}
            submitButtonProps={{
              'aria-label': t('organizer.fields.confirmDateTime', {
                field: t('organizer.privacy.retentionUntil'),
              }),
            }}
            hideOutsideDates
            weekendDays={[]}
            value={date}
            onChange={(v) => setDate(v)}
            data-testid="retention-until"
          />
          <Button
            variant="default"
            loading={update.isPending}
            data-testid="retention-save"
            onClick={() =>
              update.mutate(
                { personalDataRetentionUntil: date ? dayjs(date).toISOString() : null },
                { onSuccess: () => notifications.show({ color: 'green', message: t('forms.saved') }) },
              )
            }
          >
            {t('organizer.privacy.saveRetention')}
          </Button>
        </Group>
        <FormError error={update.error} />
        <Text size="sm" c="dimmed">
          {t('organizer.privacy.purgeNote')}
        </Text>
        <FormError error={purge.error} />
        <Group>
          <Button
            color="red.8"
            variant="outline"
            disabled={!reached}
            onClick={() => setConfirming(true)}
            data-testid="purge-personal-data"
          >
            {t('organizer.privacy.purge')}
          </Button>
          {!reached && (
            <Text size="sm" c="dimmed">
              {t('organizer.privacy.notYet')}
            </Text>
          )}
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('organizer.privacy.confirmTitle')}
        body={t('organizer.privacy.confirmBody')}
        confirm={t('organizer.privacy.purge')}
        danger
        loading={purge.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          purge.mutate(undefined, {
            onSuccess: (r) => {
              setConfirming(false);
              notifications.show({
                color: 'green',
                message: t('organizer.privacy.purged', {
                  anonymised: r.accountsAnonymised,
                  kept: r.accountsKept,
                }),
              });
            },
            onError: () => setConfirming(false),
          })
        }
      />
    </Fieldset>
  );
}
