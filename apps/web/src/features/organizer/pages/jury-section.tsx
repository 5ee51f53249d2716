import { Card, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { InvitationsList } from '../components/jury/invitations-list';
import { InviteJurorForm } from '../components/jury/invite-juror-form';
import { JurorsList } from '../components/jury/jurors-list';
import { useConsoleEdition } from '../console/console-context';
import { SectionHeader } from '../console/section-header';

/** The console's jury: inviting jurors by email, the invitations and their state, the jurors. */
export function JurySection() {
  const { t } = useTranslation();
  const edition = useConsoleEdition();
  return (
    <Stack gap="xl">
      <SectionHeader title={t('organizer.console.sections.jury')} intro={t('organizer.jury.intro')} />
      <Card withBorder padding="lg" component="section" aria-labelledby="invite-title">
        <Title order={2} size="h3" id="invite-title" mb="sm">
          {t('organizer.jury.inviteTitle')}
        </Title>
        <InviteJurorForm editionId={edition.id} tracks={edition.tracks} />
      </Card>
      <section aria-labelledby="invitations-title">
        <Title order={2} size="h3" id="invitations-title" mb="sm">
          {t('organizer.jury.invitationsTitle')}
        </Title>
        <InvitationsList editionId={edition.id} tracks={edition.tracks} />
      </section>
      <section aria-labelledby="jurors-title">
        <Title order={2} size="h3" id="jurors-title" mb="sm">
          {t('organizer.jury.jurorsTitle')}
        </Title>
        <JurorsList editionId={edition.id} tracks={edition.tracks} />
      </section>
    </Stack>
  );
}
