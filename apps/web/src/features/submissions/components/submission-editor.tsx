import type { Submission, Team } from '@ca/shared';
import {
  Alert,
  Anchor,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  Paper,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle, useWindowEvent } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/format';
import { isApiError, type ApiError } from '../../../lib/http';
import type { TimedEdition } from '../../editions/queries';
import { useServerNow } from '../../editions/use-server-now';
import { MarkdownView } from '../../markdown/markdown-view';
import {
  CONTENT_FIELDS,
  contentErrors,
  contentOf,
  emptyContent,
  type ContentField,
  type ContentValues,
  type InvalidKey,
} from '../content';
import { lockOf, type Lock, type ServerRefusal } from '../lock';
import { submissionApi, submissionKeys, submissionQueries } from '../queries';
import { isLockingError, useAutosave } from '../use-autosave';
import '../submissions.css';
import { DeadlineCard } from './deadline-card';
import { SaveStatus } from './save-status';
import { StaleWarning } from './stale-warning';
import { badgeStatusOf, SubmissionStatusBadge } from './submission-status-badge';
import { VersionHistoryDrawer } from './version-history-drawer';

const URL_FIELDS = ['repoUrl', 'demoUrl', 'videoUrl'] as const;

const DESCRIPTION_MAX = 20_000;

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
  const trackChallengeIds = useMemo(() => new Set(track?.challenges.map((c) => c.id)), [track]);
  const challengeTitles = useMemo(
    () => new Map(edition.tracks.flatMap((tr) => tr.challenges.map((c) => [c.id, c.title] as const))),
    [edition.tracks],
  );

  // ---- the form ----------------------------------------------------------------------------
  const changedRef = useRef<(values: ContentValues) => void>(() => undefined);
  const form = useForm<ContentValues>({
    mode: 'controlled',
    initialValues: submission ? contentOf(submission) : emptyContent(),
    validate: (values) => {
      const errors: Partial<Record<ContentField, string>> = contentErrors(values);
      if (!errors.challengeIds && values.challengeIds.some((id) => !trackChallengeIds.has(id)))
        errors.challengeIds = 'submissions.editor.invalid.challengeIds';
      return errors;
    },
    validateInputOnBlur: ['repoUrl', 'demoUrl', 'videoUrl', 'title', 'tagline'],
    onValuesChange: (values) => changedRef.current(values),
  });

  // ---- read-only, on the server's clock ----------------------------------------------------
  const now = useServerNow(edition.clockOffsetMs);
  const deadline = submission?.deadline ?? edition.submissionDeadline;
  const extended = Date.parse(deadline) > Date.parse(edition.submissionDeadline);
  const [refusal, setRefusal] = useState<ServerRefusal | null>(null);
  const lock = lockOf({ submission, edition, deadline, now, refusal });
  const readOnly = lock !== null;

  const refreshSubmission = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: submissionKeys.detail(team.id) }),
    [queryClient, team.id],
  );
  const onLocked = useCallback(
    (error: ApiError) => {
      if (isLockingError(error)) setRefusal({ code: error.code as ServerRefusal['code'], deadline });
      // The submission may have changed too (disqualified, a new deadline): read it again.
      refreshSubmission();
    },
    [deadline, refreshSubmission],
  );
  // When the deadline passes here, ask again: an extension may have been granted meanwhile.
  const deadlinePassed = lock?.kind === 'deadline';
  useEffect(() => {
    if (deadlinePassed) refreshSubmission();
  }, [deadlinePassed, refreshSubmission]);

  // ---- autosave ----------------------------------------------------------------------------
  const autosave = useAutosave({
    teamId: team.id,
    submission,
    getValues: form.getValues,
    validate: () => !form.validate().hasErrors,
    setValues: (values) => {
      form.setValues(values);
      form.resetDirty(values);
      form.clearErrors();
    },
    enabled: !readOnly,
    onLocked,
  });
  useEffect(() => {
    changedRef.current = autosave.changed;
  }, [autosave.changed]);
  // A field error from the API (`challengeIds: …`) lands on its field.
  const failedError = autosave.state.status === 'failed' ? autosave.state.error : null;
  useEffect(() => {
    if (!isApiError(failedError) || failedError.code !== 'VALIDATION_FAILED') return;
    const field = /^(\w+):/.exec(failedError.message)?.[1] as ContentField | undefined;
    if (field && CONTENT_FIELDS.includes(field))
      form.setFieldError(
        field,
        `submissions.editor.invalid.${field === 'repoUrl' || field === 'demoUrl' || field === 'videoUrl' ? 'url' : field}`,
      );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- form is a new object each render
  }, [failedError]);

  const unsaved = ['dirty', 'saving', 'invalid', 'failed', 'stale'].includes(autosave.state.status);
  useWindowEvent('beforeunload', (event) => {
    if (!unsaved || readOnly) return;
    event.preventDefault();
  });
  // Leaving the page inside the app: what the debounce still holds is saved on the way out.
  const flushRef = useRef(autosave.flush);
  useEffect(() => {
    flushRef.current = autosave.flush;
  }, [autosave.flush]);
  useEffect(() => () => void flushRef.current(), []);

  const stale = autosave.state.status === 'stale' ? autosave.state : null;
  const versions = useInfiniteQuery({ ...submissionQueries.versions(team.id), enabled: stale !== null });
  const staleAuthor =
    (stale?.theirs &&
      versions.data?.pages.flatMap((p) => p.items).find((v) => v.version === stale.theirs?.version)
        ?.authorName) ??
    null;
  const [overwriting, setOverwriting] = useState(false);

  // ---- submit / unsubmit -------------------------------------------------------------------
  const statusChange = useMutation({
    mutationFn: (action: 'submit' | 'unsubmit') =>
      action === 'submit' ? submissionApi.submit(team.id) : submissionApi.unsubmit(team.id),
    onSuccess: (next, action) => {
      autosave.adopt(next);
      notifications.show({
        color: 'teal',
        message:
          action === 'submit'
            ? t('submissions.editor.submittedToast')
            : t('submissions.editor.unsubmittedToast'),
      });
    },
    onError: (error) => {
      if (isLockingError(error)) onLocked(error);
    },
  });
  const changeStatus = async (action: 'submit' | 'unsubmit') => {
    if (!(await autosave.flush())) return;
    if (!queryClient.getQueryData(submissionKeys.detail(team.id))) {
      form.validate(); // nothing saved yet: the title is what is missing
      return;
    }
    statusChange.mutate(action);
  };

  // ---- rendering ---------------------------------------------------------------------------
  const field = <K extends ContentField>(name: K) => {
    const props = form.getInputProps(name);
    const error = form.errors[name];
    return { ...props, error: error ? t(error as InvalidKey) : undefined, readOnly };
  };
  const description = useDeferredValue(form.values.description);
  const [historyOpen, setHistoryOpen] = useState(false);
  const status = badgeStatusOf(submission);
  const challengeOptions = [
    ...(track?.challenges.map((c) => ({ value: c.id, label: c.title })) ?? []),
    ...form.values.challengeIds
      .filter((id) => !trackChallengeIds.has(id))
      .map((id) => ({ value: id, label: challengeTitles.get(id) ?? id })),
  ];

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Anchor component={Link} to={`/editions/${edition.slug}`} size="sm" fw={600}>
          ← {t('submissions.editor.back', { edition: edition.name })}
        </Anchor>
        <Group gap="sm" align="center">
          <Title order={1} className="page-title" id="editor-title">
            {t('submissions.editor.title', { team: team.name })}
          </Title>
          <SubmissionStatusBadge status={status} size="lg" />
        </Group>
        <Text maw={760}>{t('submissions.editor.intro')}</Text>
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
      {!readOnly && submission?.status === 'submitted' && (
        <Alert color="teal" variant="light" data-testid="submitted-note">
          <Text size="sm" c="teal.9" fw={600}>
            {t('submissions.editor.submitted')}
          </Text>
        </Alert>
      )}

      <Group justify="space-between" gap="sm" wrap="wrap">
        {readOnly ? <span /> : <SaveStatus state={autosave.state} onRetry={() => void autosave.flush()} />}
        <Group gap="sm">
          <Button
            variant="default"
            onClick={() => setHistoryOpen(true)}
            disabled={!submission}
            data-testid="open-history"
          >
            {t('submissions.editor.history')}
          </Button>
          {!readOnly &&
            (submission?.status === 'submitted' ? (
              <Button
                variant="outline"
                onClick={() => void changeStatus('unsubmit')}
                loading={statusChange.isPending}
                data-testid="unsubmit"
              >
                {t('submissions.editor.unsubmit')}
              </Button>
            ) : (
              <Button
                onClick={() => void changeStatus('submit')}
                loading={statusChange.isPending}
                disabled={stale !== null}
                data-testid="submit"
              >
                {t('submissions.editor.submit')}
              </Button>
            ))}
        </Group>
      </Group>

      <form
        aria-labelledby="editor-title"
        noValidate
        onSubmit={(e) => e.preventDefault()}
        onBlur={() => {
          if (!readOnly) void autosave.flush();
        }}
        data-testid="submission-form"
      >
        <Stack gap="md">
          <TextInput
            label={t('submissions.editor.fields.title')}
            required
            maxLength={200}
            data-testid="field-title"
            {...field('title')}
          />
          <TextInput
            label={t('submissions.editor.fields.tagline')}
            description={t('submissions.editor.fields.taglineHint')}
            maxLength={300}
            data-testid="field-tagline"
            {...field('tagline')}
          />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Textarea
              label={t('submissions.editor.fields.description')}
              description={t('submissions.editor.fields.descriptionHint')}
              autosize
              minRows={12}
              maxRows={30}
              data-testid="field-description"
              {...field('description')}
              inputWrapperOrder={['label', 'description', 'input', 'error']}
            />
            <section aria-labelledby="preview-title" className="preview-section">
              <Text id="preview-title" component="h2" fw={700} size="sm" mb={4}>
                {t('submissions.editor.fields.preview')}
              </Text>
              <Paper withBorder p="md" className="description-preview">
                <MarkdownView
                  source={description}
                  headingOffset={2}
                  empty={t('submissions.editor.fields.previewEmpty')}
                  data-testid="description-preview"
                />
              </Paper>
            </section>
          </SimpleGrid>
          <Text size="xs" c="dimmed" aria-live="off">
            {t('submissions.editor.fields.descriptionCount', {
              count: form.values.description.length,
              max: DESCRIPTION_MAX.toLocaleString(format.language === 'ro' ? 'ro-RO' : 'en-GB'),
            })}
          </Text>
          <Fieldset legend={<strong>{t('submissions.editor.fields.links')}</strong>} variant="unstyled">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              {URL_FIELDS.map((name) => (
                <TextInput
                  key={name}
                  type="url"
                  label={t(`submissions.editor.fields.${name}`)}
                  placeholder={t('submissions.editor.fields.urlPlaceholder')}
                  data-testid={`field-${name}`}
                  {...field(name)}
                />
              ))}
            </SimpleGrid>
          </Fieldset>
          <TagsInput
            label={t('submissions.editor.fields.techTags')}
            description={t('submissions.editor.fields.techTagsHint')}
            maxTags={20}
            clearable={!readOnly}
            data-testid="field-techTags"
            {...field('techTags')}
          />
          <MultiSelect
            label={t('submissions.editor.fields.challenges')}
            description={
              track && track.challenges.length > 0
                ? t('submissions.editor.fields.challengesHint', { track: track.name })
                : t('submissions.editor.fields.noChallenges')
            }
            data={challengeOptions}
            disabled={challengeOptions.length === 0}
            searchable
            data-testid="field-challenges"
            {...field('challengeIds')}
          />
        </Stack>
      </form>

      <VersionHistoryDrawer
        teamId={team.id}
        opened={historyOpen}
        onClose={() => setHistoryOpen(false)}
        challengeTitles={challengeTitles}
      />
    </Stack>
  );
}

/** Why nothing can be changed, said in words, with the date when there is one. */
export function ReadOnlyNotice({ lock, formatDate }: { lock: Lock; formatDate: (iso: string) => string }) {
  const { t } = useTranslation();
  let text: string;
  switch (lock.kind) {
    case 'deadline':
      text = t('submissions.readOnly.deadline', { date: formatDate(lock.at) });
      break;
    case 'notStarted':
      text = t('submissions.readOnly.notStarted', { date: formatDate(lock.at) });
      break;
    case 'disqualified':
      text = lock.reason
        ? t('submissions.readOnly.disqualified', { reason: lock.reason })
        : t('submissions.readOnly.disqualifiedNoReason');
      break;
    case 'forbidden':
      text = t('submissions.readOnly.forbidden');
      break;
    case 'phaseClosed':
      text = t('submissions.readOnly.phaseClosed');
      break;
  }
  return (
    <Alert
      color="orange"
      variant="light"
      title={t('submissions.readOnly.title')}
      data-testid="read-only-reason"
      data-reason={lock.kind}
      styles={{ title: { color: 'var(--mantine-color-gray-9)' } }}
    >
      <Text size="sm">{text}</Text>
    </Alert>
  );
}
