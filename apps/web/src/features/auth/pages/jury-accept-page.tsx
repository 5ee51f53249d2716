import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormError } from '../../../components/form-error';
import { isApiError } from '../../../lib/http';
import { editionQueries } from '../../editions/queries';
import { AuthShell } from '../components/auth-shell';
import { useAcceptJuryInvitation } from '../mutations';
import { useAuth } from '../queries';

/**
 * `/jury/accept?token=…`, the page a jury invitation links to (signed in: visitors come back here
 * after signing in or up). Accepting is a deliberate click, never a side effect of opening a link.
 */
export function JuryAcceptPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { me } = useAuth();
  const accept = useAcceptJuryInvitation();
  const editionId = accept.data?.editionId;
  const edition = useQuery({ ...editionQueries.detail(editionId ?? ''), enabled: !!editionId });

  return (
    <AuthShell
      title={t('auth.jury.title')}
      intro={token ? t('auth.jury.intro', { name: me?.name ?? '' }) : undefined}
    >
      {!token ? (
        <Alert color="red" variant="light" role="alert">
          {t('auth.jury.noToken')}
        </Alert>
      ) : accept.isSuccess ? (
        <Stack gap="sm" align="flex-start">
          <Alert color="green" variant="light" role="status" data-testid="jury-accepted">
            {edition.data
              ? t('auth.jury.acceptedIn', { edition: edition.data.name })
              : t('auth.jury.accepted')}
          </Alert>
          <Button component={Link} to="/jury">
            {t('auth.jury.goToJury')}
          </Button>
        </Stack>
      ) : (
        <Stack gap="md">
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
      )}
    </AuthShell>
  );
}
