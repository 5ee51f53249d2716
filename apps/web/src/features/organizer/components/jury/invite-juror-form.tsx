import {
  JuryInvitationCreateSchema,
  type JuryInvitationCreate,
  type JuryInvitationCreated,
  type Track,
} from '@ca/shared';
import { Button, Group, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../../components/form-error';
import { labelsFrom, showApiFieldError, zodValidate } from '../../../../lib/zod-form';
import { useInviteJuror } from '../../mutations';

interface Values {
  email: string;
  trackIds: string[];
}

/**
 * Inviting a juror by email, optionally with the tracks they prefer. Without a mail server the
 * invitation waits in the outbox: the link is shown here to be sent by hand.
 */
export function InviteJurorForm({
  editionId,
  tracks,
  onSent,
}: {
  editionId: string;
  tracks: Track[];
  onSent: (email: string, result: JuryInvitationCreated) => void;
}) {
  const { t } = useTranslation();
  const invite = useInviteJuror(editionId);
  const labels = { email: t('auth.fields.email'), trackIds: t('organizer.jury.tracks') };
  const form = useForm<Values>({
    initialValues: { email: '', trackIds: [] },
    validate: zodValidate(JuryInvitationCreateSchema, { label: labelsFrom(labels), t }),
  });

  return (
    <Stack gap="md">
      <form
        noValidate
        data-testid="invite-juror-form"
        onSubmit={form.onSubmit((values) => {
          const body: JuryInvitationCreate = JuryInvitationCreateSchema.parse(values);
          invite.mutate(body, {
            onSuccess: (result) => {
              onSent(body.email, result);
              form.reset();
            },
            onError: (error) => showApiFieldError(form, error, { labels, t }),
          });
        })}
      >
        <Stack gap="md">
          <FormError error={invite.error} />
          <Group align="flex-start" gap="md" grow preventGrowOverflow={false} wrap="wrap">
            <TextInput
              type="email"
              label={labels.email}
              required
              autoComplete="off"
              miw={240}
              data-testid="invite-email"
              {...form.getInputProps('email')}
            />
            <MultiSelect
              label={labels.trackIds}
              description={t('organizer.jury.tracksHint')}
              data={tracks.map((tr) => ({ value: tr.id, label: tr.name }))}
              clearable
              miw={240}
              data-testid="invite-tracks"
              {...form.getInputProps('trackIds')}
            />
          </Group>
          <Button
            type="submit"
            loading={invite.isPending}
            style={{ alignSelf: 'flex-start' }}
            data-testid="invite-submit"
          >
            {t('organizer.jury.invite')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
