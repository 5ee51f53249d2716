import type { JuryInvitationCreated } from '@ca/shared';
import { Card, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InvitationSent } from '../components/jury/invitation-sent';
import { InvitationsList } from '../components/jury/invitations-list';
import { InviteJurorForm } from '../components/jury/invite-juror-form';
import { JurorsList } from '../components/jury/jurors-list';
import { useConsoleEdition } from '../console/console-context';
import { SectionHeader } from '../console/section-header';

/** The console's jury: inviting jurors by email, the invitations and their state, the jurors. */
export function JurySection() {
  const { t } = useTranslation();
  const edition = useConsoleEdition();
  const [sent, setSent] = useState<{ email: string; result: JuryInvitationCreated } | null>(null);
  return (
    <Stack gap="xl">
      <SectionHeader title={t('organizer.console.sections.jury')} intro={t('organizer.jury.intro')} />
      <Card withBorder padding="lg" component="section" aria-labelledby="invite-title">
        <Title order={2} size="h3" id="invite-title" mb="sm">
          {t('organizer.jury.inviteTitle')}
        </Title>
        <Stack gap="md">
          <InviteJurorForm
            editionId={edition.id}
            tracks={edition.tracks}
            onSent={(email, result) => setSent({ email, result })}
          />
          {sent && <InvitationSent email={sent.email} result={sent.result} />}
        </Stack>
      </Card>
      <section aria-labelledby="invitations-title">
        <Title order={2} size="h3" id="invitations-title" mb="sm">
          {t('organizer.jury.invitationsTitle')}
        </Title>
        <InvitationsList
          editionId={edition.id}
          tracks={edition.tracks}
          onResent={(email, result) => setSent({ email, result })}
        />
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
