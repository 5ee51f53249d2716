import {
  JuryInvitationCreateSchema,
  type JuryInvitationCreate,
  type JuryInvitationCreated,
  type Track,
} from '@ca/shared';
import { Alert, Button, CopyButton, Group, MultiSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../../components/form-error';
import { labelsFrom, showApiFieldError, zodValidate } from '../../../../lib/zod-form';
import { useInviteJuror } from '../../mutations';

interface Values {
  email: string;
  trackIds: string[];
}

/** The link a juror opens to accept, as the API mails it. */
export const juryLink = (token: string, origin = window.location.origin) =>
  `${origin}/jury/accept?token=${encodeURIComponent(token)}`;

/**
 * Inviting a juror by email, optionally with the tracks they prefer. Without a mail server the
 * invitation waits in the outbox: the link is shown here to be sent by hand.
 */
export function InviteJurorForm({ editionId, tracks }: { editionId: string; tracks: Track[] }) {
  const { t } = useTranslation();
  const invite = useInviteJuror(editionId);
  const [sent, setSent] = useState<{ email: string; result: JuryInvitationCreated } | null>(null);
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
              setSent({ email: body.email, result });
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
      {sent && (
        <Alert color="teal" variant="light" role="status" data-testid="invite-sent">
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {sent.result.delivery === 'smtp'
                ? t('organizer.jury.sentByMail', { email: sent.email })
                : t('organizer.jury.sentToOutbox', { email: sent.email })}
            </Text>
            {sent.result.delivery !== 'smtp' && (
              <Group gap="sm" wrap="nowrap" align="center">
                <Text size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }} data-testid="invite-link">
                  {juryLink(sent.result.token)}
                </Text>
                <CopyButton value={juryLink(sent.result.token)} timeout={2500}>
                  {({ copied, copy }) => (
                    <Button size="compact-sm" variant="outline" onClick={copy} aria-live="polite">
                      {copied ? t('teams.invite.copied') : t('organizer.jury.copyLink')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            )}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
