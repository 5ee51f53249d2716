import type { Submission, Team } from '@ca/shared';
import type { UseFormReturnType } from '@mantine/form';
import { useWindowEvent } from '@mantine/hooks';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError, type ApiError } from '../../lib/http';
import type { TimedEdition } from '../editions/queries';
import { useServerNow } from '../editions/use-server-now';
import { CONTENT_FIELDS, type ContentField, type ContentValues } from './content';
import { lockOf, type ServerRefusal } from './lock';
import { submissionKeys, submissionQueries } from './queries';
import { isLockingError, useAutosave } from './use-autosave';

/**
 * Everything around the editor's form: whether the project is read-only (on the server's clock,
 * and by what the API last refused), autosave with its conflict state, the browser's warning
 * before unloading unsaved text, and the save flushed when leaving the page inside the app.
 */
export function useEditorSession({
  team,
  edition,
  submission,
  form,
}: {
  team: Team;
  edition: TimedEdition;
  submission: Submission | null;
  form: UseFormReturnType<ContentValues>;
}) {
  const queryClient = useQueryClient();
  const now = useServerNow(edition.clockOffsetMs);
  const deadline = submission?.deadline ?? edition.submissionDeadline;
  const extended = Date.parse(deadline) > Date.parse(edition.submissionDeadline);
  const [refusal, setRefusal] = useState<ServerRefusal | null>(null);
  const lock = lockOf({ submission, edition, deadline, now, refusal });

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
    enabled: lock === null,
    onLocked,
  });
  // The form reports every change through `changed`, which must see the latest autosave.
  const changedRef = useRef(autosave.changed);
  useEffect(() => {
    changedRef.current = autosave.changed;
  }, [autosave.changed]);
  const changed = useCallback((values: ContentValues) => changedRef.current(values), []);

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
    if (!unsaved || lock) return;
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
      versions.data?.pages
        .flatMap((p) => p.items)
        .find((v) => v.firstVersion <= stale.theirs!.version && stale.theirs!.version <= v.version)
        ?.authorName) ??
    null;

  /** A submit or unsubmit refused: a locking refusal turns the editor read-only. */
  const onRefused = (error: unknown) => {
    if (isLockingError(error)) onLocked(error);
  };

  return { autosave, lock, now, deadline, extended, stale, staleAuthor, changed, onRefused };
}
