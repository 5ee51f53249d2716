import { TeamJoinSchema } from '@ca/shared';
import { Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { labelsFrom, zodValidate } from '../../../lib/zod-form';

/** An invite code read aloud or sent as text: opens the join page of its team. */
export function JoinByCodeForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const labels = { inviteCode: t('teams.fields.inviteCode') };
  const form = useForm<{ inviteCode: string }>({
    initialValues: { inviteCode: '' },
    validate: zodValidate(TeamJoinSchema, { label: labelsFrom(labels), t }),
  });

  return (
    <form
      noValidate
      data-testid="join-code-form"
      onSubmit={form.onSubmit((values) => {
        const parsed = TeamJoinSchema.parse(values);
        void navigate(`/join/${parsed.inviteCode}`);
      })}
    >
      <Stack gap="md">
        <TextInput
          label={labels.inviteCode}
          description={t('teams.join.codeHint')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          data-testid="join-code"
          {...form.getInputProps('inviteCode')}
        />
        <Button type="submit" variant="outline" style={{ alignSelf: 'flex-start' }}>
          {t('teams.join.continue')}
        </Button>
      </Stack>
    </form>
  );
}
