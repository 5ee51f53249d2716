import { submissionChecklist, type Submission, type Team } from '@ca/shared';
import { Alert, Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/format';
import type { TimedEdition } from '../../editions/queries';
import { contentErrors, contentOf, emptyContent, type ContentField, type ContentValues } from '../content';
import { useSubmissionStatus } from '../mutations';
import { submissionKeys } from '../queries';
import '../submissions.css';
import { useEditorSession } from '../use-editor-session';
import { DeadlineCard } from './deadline-card';
import { EditorToolbar } from './editor-toolbar';
import { ReadOnlyNotice } from './read-only-notice';
import { StaleWarning } from './stale-warning';
import { SubmissionFields } from './submission-fields';
import { badgeStatusOf, SubmissionStatusBadge } from './submission-status-badge';
import { SubmitConfirmModal } from './submit-confirm-modal';
import { VersionHistoryDrawer } from './version-history-drawer';

/** The team's project: edited by any member, saved as they type, submitted before the deadline. */
export function SubmissionEditor({
  team,
  edition,
  submission,
}: {
  team: Team;
  edition: TimedEdition;
  submission: Submission | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  useDocumentTitle(`${t('submissions.editor.documentTitle', { team: team.name })} · ${t('common.appName')}`);

  const track = edition.tracks.find((tr) => tr.id === team.trackId);
  const challengeTitles = useMemo(
    () => new Map(edition.tracks.flatMap((tr) => tr.challenges.map((c) => [c.id, c.title] as const))),
    [edition.tracks],
  );
  const form = useForm<ContentValues>({
    mode: 'controlled',
    initialValues: submission ? contentOf(submission) : emptyContent(),
    validate: (values) => {
      const errors: Partial<Record<ContentField, string>> = contentErrors(values);
      const ours = new Set(track?.challenges.map((c) => c.id));
      if (!errors.challengeIds && values.challengeIds.some((id) => !ours.has(id)))
        errors.challengeIds = 'submissions.editor.invalid.challengeIds';
      return errors;
    },
    validateInputOnBlur: ['repoUrl', 'demoUrl', 'videoUrl', 'title', 'tagline'],
    onValuesChange: (values) => session.changed(values),
  });
  const session = useEditorSession({ team, edition, submission, form });
  const { autosave, lock, now, deadline, extended, stale, staleAuthor } = session;
  const readOnly = lock !== null;

  // The checklist follows the text on screen, with the same rules the API applies on submit.
  const checklist = submissionChecklist(form.values, edition.submissionRequirements, {
    trackHasChallenges: (track?.challenges.length ?? 0) > 0,
  });
  const [confirming, setConfirming] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [overwriting, setOverwriting] = useState(false);
  const statusChange = useSubmissionStatus(team.id, (next) => autosave.adopt(next));
  const changeStatus = async (action: 'submit' | 'unsubmit') => {
    if (!(await autosave.flush())) return;
    if (!queryClient.getQueryData(submissionKeys.detail(team.id))) {
      form.validate(); // nothing saved yet: the title is what is missing
      return;
    }
    if (action === 'submit') return setConfirming(true);
    statusChange.mutate('unsubmit', {
      onSuccess: () =>
        notifications.show({ color: 'teal', message: t('submissions.editor.unsubmittedToast') }),
      onError: session.onRefused,
    });
  };
  const submit = () =>
    statusChange.mutate('submit', {
      onSuccess: () => {
        setConfirming(false);
        notifications.show({ color: 'teal', message: t('submissions.editor.submittedToast') });
      },
      onError: session.onRefused,
    });
  const submitted = submission?.status === 'submitted';

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Anchor component={Link} to={`/editions/${edition.slug}/team`} size="sm" fw={600}>
          ← {t('submissions.editor.backToTeam')}
        </Anchor>
        <Group gap="sm" align="center">
          <Title order={1} className="page-title" id="editor-title">
            {t('submissions.editor.title', { team: team.name })}
          </Title>
          <SubmissionStatusBadge status={badgeStatusOf(submission)} size="lg" />
        </Group>
        {!readOnly && !submitted && <Text maw={760}>{t('submissions.editor.intro')}</Text>}
      </Stack>

      <DeadlineCard deadline={deadline} extended={extended} now={now} />

      {lock && <ReadOnlyNotice lock={lock} formatDate={format.dateTime} />}
      {stale && !readOnly && (
        <StaleWarning
          theirs={stale.theirs}
          author={staleAuthor}
          challengeTitles={challengeTitles}
          busy={overwriting}
          onLoadTheirs={autosave.loadTheirs}
          onOverwrite={() => {
            setOverwriting(true);
            void autosave.overwrite().finally(() => setOverwriting(false));
          }}
        />
      )}
      {!readOnly && submitted && (
        <Alert color="teal" variant="light" data-testid="submitted-note">
          <Text size="sm" c="teal.9" fw={600}>
            {t('submissions.editor.submitted')}
          </Text>
        </Alert>
      )}

      <EditorToolbar
        submission={submission}
        state={autosave.state}
        readOnly={readOnly}
        stale={stale !== null}
        busy={statusChange.isPending && !confirming}
        checklist={checklist}
        onRetry={() => void autosave.flush()}
        onHistory={() => setHistoryOpen(true)}
        onSubmit={() => void changeStatus('submit')}
        onUnsubmit={() => void changeStatus('unsubmit')}
      />

      <SubmissionFields
        form={form}
        readOnly={readOnly}
        track={track}
        challengeTitles={challengeTitles}
        onBlur={() => {
          if (!readOnly) void autosave.flush();
        }}
      />

      <SubmitConfirmModal
        opened={confirming}
        checklist={checklist}
        loading={statusChange.isPending}
        error={statusChange.error}
        onConfirm={submit}
        onClose={() => setConfirming(false)}
      />
      <VersionHistoryDrawer
        teamId={team.id}
        opened={historyOpen}
        onClose={() => setHistoryOpen(false)}
        challengeTitles={challengeTitles}
      />
    </Stack>
  );
}
