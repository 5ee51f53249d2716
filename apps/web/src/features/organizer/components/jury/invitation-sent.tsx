import type { JuryInvitationCreated } from '@ca/shared';
import { Alert, Button, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The link a juror opens to accept, as the API mails it. */
export const juryLink = (token: string, origin = window.location.origin) =>
  `${origin}/jury/accept?token=${encodeURIComponent(token)}`;

/**
 * An invitation just sent (or sent again): mailed, or, without a mail server, its link to copy and
 * send by hand.
 */
export function InvitationSent({ email, result }: { email: string; result: JuryInvitationCreated }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" variant="light" role="status" data-testid="invite-sent">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {result.delivery === 'smtp'
            ? t('organizer.jury.sentByMail', { email })
            : t('organizer.jury.sentToOutbox', { email })}
        </Text>
        {result.delivery !== 'smtp' && (
          <Group gap="sm" align="center">
            <Text size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }} data-testid="invite-link">
              {juryLink(result.token)}
            </Text>
            <CopyButton value={juryLink(result.token)} timeout={2500}>
              {({ copied, copy }) => (
                <Button
                  size="compact-sm"
                  variant="outline"
                  onClick={copy}
                  aria-live="polite"
                  style={{ flexShrink: 0 }}
                >
                  {copied ? t('teams.invite.copied') : t('organizer.jury.copyLink')}
                </Button>
              )}
            </CopyButton>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
