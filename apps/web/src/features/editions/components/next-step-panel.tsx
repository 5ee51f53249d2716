import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/format';
import { loginPath, useAuth } from '../../auth/queries';
import { RegistrationForm } from '../../registrations/components/registration-form';
import { useWindowOpen } from '../../registrations/windows';
import { teamQueries } from '../../teams/queries';
import { nextSteps, viewerOf, type Step } from '../next-step';
import type { TimedEdition } from '../queries';

/**
 * What this person can do next with the edition: a visitor signs up, a newcomer registers, a
 * participant goes to the team, a juror to the jury work, an organizer to the console. On the
 * edition page the registration form is right here (`inlineRegistration`); elsewhere a link.
 */
export function NextStepPanel({
  edition,
  inlineRegistration = false,
  headingLevel = 2,
}: {
  edition: TimedEdition;
  inlineRegistration?: boolean;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { me, isPending } = useAuth();
  const registerOpen = useWindowOpen('register', edition);
  const teamsOpen = useWindowOpen('teams', edition);
  const viewer = viewerOf(me, edition.id);
  const team = useQuery({ ...teamQueries.mine(edition.id), enabled: viewer.participant });
  if (isPending || !edition.published) return null;
  const steps = nextSteps(
    edition,
    viewer,
    { registerOpen, teamsOpen, registrationUpcoming: edition.phase === 'upcoming', hasTeam: !!team.data },
    loginPath,
  );

  const render = (step: Step, primary: boolean) => {
    const variant = primary ? 'filled' : 'outline';
    switch (step.key) {
      case 'console':
      case 'jury':
      case 'myTeam':
      case 'findTeam':
      case 'register':
        if (step.key === 'register' && inlineRegistration)
          return <RegistrationForm key={step.key} editionId={edition.id} />;
        return (
          <Button
            key={step.key}
            component={Link}
            to={step.to!}
            variant={variant}
            data-testid={`cta-${ctaId(step.key)}`}
          >
            {t(`editions.next.${step.key}`)}
          </Button>
        );
      case 'signUp':
        return (
          <Group key={step.key} gap="sm">
            <Button component={Link} to={step.to!} data-testid="cta-signup">
              {t('registrations.panel.signUpToRegister')}
            </Button>
            <Button
              component={Link}
              to={loginPath(`/editions/${edition.slug}`)}
              variant="outline"
              data-testid="cta-login"
            >
              {t('auth.nav.login')}
            </Button>
          </Group>
        );
      case 'registrationOpensSoon':
        return (
          <Text key={step.key}>
            {t('registrations.panel.opensOn', { date: format.deadline(edition.registrationOpensAt) })}
          </Text>
        );
      case 'registrationClosed':
        return <Text key={step.key}>{t('registrations.panel.closed')}</Text>;
      case 'gallery':
        return (
          <Anchor key={step.key} component={Link} to={step.to!} fw={600} data-testid="open-gallery">
            {t('editions.detail.gallery')}
          </Anchor>
        );
    }
  };

  const notes = [
    viewer.participant && t('registrations.panel.registered'),
    viewer.juror && t('editions.next.jurorNote'),
    viewer.organizer && t('editions.next.organizerNote'),
    !viewer.participant &&
      !viewer.juror &&
      !viewer.organizer &&
      registerOpen &&
      t('registrations.panel.openUntil', { date: format.deadline(edition.registrationClosesAt) }),
  ].filter((n): n is string => !!n);
  const actions = steps.filter((s) => s.key !== 'gallery');
  const gallery = steps.find((s) => s.key === 'gallery');

  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby={`next-step-${edition.id}`}
      data-testid="participation"
    >
      <Stack gap="sm">
        <Title order={headingLevel} id={`next-step-${edition.id}`} size="h3">
          {t('editions.next.title')}
        </Title>
        {notes.map((n) => (
          <Text
            key={n}
            data-testid={n === t('registrations.panel.registered') ? 'registered-note' : undefined}
          >
            {n}
          </Text>
        ))}
        <Group gap="sm" align="flex-start">
          {actions.map((s, i) => render(s, i === 0))}
        </Group>
        {gallery && render(gallery, false)}
      </Stack>
    </Card>
  );
}

/** The buttons' test ids, as the browser tests know them: `cta-<id>`. */
const CTA_ID: Partial<Record<Step['key'], string>> = { myTeam: 'my-team', findTeam: 'find-team' };
const ctaId = (key: Step['key']) => CTA_ID[key] ?? key;
