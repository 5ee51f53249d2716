import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/format';
import { loginPath, isParticipantOf, useAuth } from '../../auth/queries';
import type { TimedEdition } from '../../editions/queries';
import { useWindowOpen } from '../windows';
import { RegistrationForm } from './registration-form';

/**
 * The participant's call to action on the edition page: sign up or in, register (while the
 * register window is open, on the server's clock), then the team page and the team-finder.
 */
export function ParticipationPanel({ edition }: { edition: TimedEdition }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { me, isPending } = useAuth();
  const registerOpen = useWindowOpen('register', edition);
  const teamsOpen = useWindowOpen('teams', edition);
  if (isPending || !edition.published) return null;
  const here = `/editions/${edition.slug}`;
  const registered = isParticipantOf(me, edition.id);

  let body;
  if (registered) {
    body = (
      <>
        <Text data-testid="registered-note">{t('registrations.panel.registered')}</Text>
        <Group gap="sm">
          <Button component={Link} to={`${here}/team`} data-testid="cta-my-team">
            {t('registrations.panel.myTeam')}
          </Button>
          {teamsOpen && (
            <Button component={Link} to={`${here}/find-team`} variant="outline" data-testid="cta-find-team">
              {t('registrations.panel.findTeam')}
            </Button>
          )}
        </Group>
      </>
    );
  } else if (!registerOpen) {
    body =
      edition.phase === 'upcoming' ? (
        <Text>
          {t('registrations.panel.opensOn', { date: format.dateTime(edition.registrationOpensAt) })}
        </Text>
      ) : (
        <Text>{t('registrations.panel.closed')}</Text>
      );
  } else if (!me) {
    body = (
      <>
        <Text>
          {t('registrations.panel.openUntil', { date: format.dateTime(edition.registrationClosesAt) })}
        </Text>
        <Group gap="sm">
          <Button component={Link} to={loginPath(here, 'signup')} data-testid="cta-signup">
            {t('registrations.panel.signUpToRegister')}
          </Button>
          <Button component={Link} to={loginPath(here)} variant="outline" data-testid="cta-login">
            {t('auth.nav.login')}
          </Button>
        </Group>
      </>
    );
  } else {
    body = (
      <>
        <Text>
          {t('registrations.panel.openUntil', { date: format.dateTime(edition.registrationClosesAt) })}
        </Text>
        <RegistrationForm editionId={edition.id} />
      </>
    );
  }

  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="take-part-title"
      data-testid="participation"
    >
      <Stack gap="sm">
        <Title order={2} id="take-part-title" size="h3">
          {t('registrations.panel.title')}
        </Title>
        {body}
        {me?.isOrganizer && (
          <Button
            component={Link}
            to={`/organize/editions/${edition.slug}`}
            variant="subtle"
            style={{ alignSelf: 'flex-start' }}
            data-testid="cta-edit-edition"
          >
            {t('organizer.editor.editThis')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
