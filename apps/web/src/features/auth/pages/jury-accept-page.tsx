import type { JuryInvitationPreview } from '@ca/shared';
import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormError } from '../../../components/form-error';
import { PageLoader, QueryError } from '../../../components/query-state';
import { useFormat } from '../../../lib/format';
import { isApiError } from '../../../lib/http';
import { AuthShell } from '../components/auth-shell';
import { useAcceptJuryInvitation } from '../mutations';
import { juryQueries, useAuth } from '../queries';

/**
 * `/jury/accept?token=…`, the page a jury invitation links to (signed in: visitors come back here
 * after signing in or up). It names the edition and offers Accept only for an invitation that can
 * be accepted; an unknown, expired or revoked link says so and offers nothing to click. Accepting
 * is a deliberate click, never a side effect of opening a link.
 */
export function JuryAcceptPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const preview = useQuery({ ...juryQueries.invitation(token), enabled: token !== '' });
  const title = t('auth.jury.title');

  if (!token) return <Invalid title={title} message={t('auth.jury.noToken')} />;
  if (preview.isPending) return <PageLoader />;
  if (preview.isError) {
    if (isApiError(preview.error) && preview.error.code === 'INVALID_TOKEN')
      return <Invalid title={title} message={t('auth.jury.invalid')} help />;
    return <QueryError error={preview.error} onRetry={() => void preview.refetch()} />;
  }
  return <Invitation title={title} token={token} invitation={preview.data} />;
}

function Invalid({ title, message, help }: { title: string; message: string; help?: boolean }) {
  const { t } = useTranslation();
  return (
    <AuthShell title={title}>
      <Stack gap="sm">
        <Alert color="red" variant="light" role="alert" data-testid="jury-invalid">
          <Text size="sm">{message}</Text>
          {help && (
            <Text size="sm" mt="xs">
              {t('auth.jury.invalidHelp')}
            </Text>
          )}
        </Alert>
        <Anchor component={Link} to="/" size="sm" fw={600}>
          {t('common.notFound.home')}
        </Anchor>
      </Stack>
    </AuthShell>
  );
}

function Invitation({
  title,
  token,
  invitation,
}: {
  title: string;
  token: string;
  invitation: JuryInvitationPreview;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useAuth();
  const accept = useAcceptJuryInvitation();

  if (accept.isSuccess)
    return (
      <AuthShell title={title}>
        <Stack gap="sm" align="flex-start">
          <Alert color="green" variant="light" role="status" data-testid="jury-accepted">
            {t('auth.jury.acceptedIn', { edition: invitation.editionName })}
          </Alert>
          <Button component={Link} to="/jury">
            {t('auth.jury.goToJury')}
          </Button>
        </Stack>
      </AuthShell>
    );
  if (!invitation.acceptable)
    return (
      <Invalid
        title={title}
        message={t(`auth.jury.state.${invitation.status}`, { edition: invitation.editionName })}
        help={invitation.status !== 'accepted'}
      />
    );

  return (
    <AuthShell
      title={title}
      intro={t('auth.jury.introIn', { name: me?.name ?? '', edition: invitation.editionName })}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('auth.jury.expires', { date: format.deadline(invitation.expiresAt) })}
        </Text>
        <FormError error={accept.error}>
          {isApiError(accept.error) && accept.error.code === 'INVALID_TOKEN' && (
            <Text size="sm">{t('auth.jury.invalidHelp')}</Text>
          )}
        </FormError>
        <Text size="sm">{t('auth.jury.wrongAccount')}</Text>
        <Button onClick={() => accept.mutate(token)} loading={accept.isPending} data-testid="jury-accept">
          {t('auth.jury.accept')}
        </Button>
        <Anchor component={Link} to="/" size="sm" fw={600}>
          {t('auth.jury.later')}
        </Anchor>
      </Stack>
    </AuthShell>
  );
}
