import { SubmissionSchema, type Submission } from '@ca/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError, type ApiError } from '../../lib/http';
import { contentOf, fingerprint, type ContentValues } from './content';
import { submissionApi, submissionKeys } from './queries';

/** How long after the last keystroke the editor saves on its own. */
export const AUTOSAVE_DELAY_MS = 1500;

/**
 * Where the editor's text stands with respect to the server:
 * - `clean`: what is on screen is what the server keeps (`savedAt`: when it was saved; null
 *   before the first save);
 * - `dirty`: changed, waiting for the typing to stop;
 * - `saving`: a save is on its way;
 * - `invalid`: changed but not savable until the highlighted fields are fixed;
 * - `failed`: the last save failed (network, server); the next change or a retry tries again;
 * - `stale`: another member saved in between (409 STALE_VERSION); autosave stops until the
 *   author loads their version or overwrites it on purpose.
 */
export type AutosaveState =
  | { status: 'clean'; savedAt: string | null }
  | { status: 'dirty' }
  | { status: 'saving' }
  | { status: 'invalid' }
  | { status: 'failed'; error: unknown }
  | { status: 'stale'; theirs: Submission | null };

/** Errors after which nothing can be saved any more (the page turns read-only and says why). */
export const LOCKING_CODES = ['DEADLINE_PASSED', 'PHASE_CLOSED', 'FORBIDDEN'] as const;
export const isLockingError = (error: unknown): error is ApiError =>
  isApiError(error) && (LOCKING_CODES as readonly string[]).includes(error.code);

export interface AutosaveOptions {
  teamId: string;
  /** The server's submission as the query holds it (null before the first save). */
  submission: Submission | null;
  /** The editor's current values. */
  getValues: () => ContentValues;
  /** Validates (and shows field errors); false when the API would refuse the content. */
  validate: () => boolean;
  /** Puts values into the editor (another member's newer version). */
  setValues: (values: ContentValues) => void;
  /** False while the project is read-only: nothing is scheduled or sent. */
  enabled: boolean;
  /** A save was refused for good (deadline passed, phase closed, not allowed). */
  onLocked: (error: ApiError) => void;
}

export interface Autosave {
  state: AutosaveState;
  /** The version the editor's text is based on; every save sends it as `baseVersion`. */
  baseVersion: number;
  /** Call on every change (with the new values): saves AUTOSAVE_DELAY_MS after the last one. */
  changed: (values?: ContentValues) => void;
  /** Saves now if anything changed (on blur, before submitting); true when all is saved. */
  flush: () => Promise<boolean>;
  /** Stale: replace the editor's text with the other member's version. */
  loadTheirs: () => void;
  /** Stale: save the editor's text over the other member's version, knowingly. */
  overwrite: () => Promise<boolean>;
  /** A submit or unsubmit answered a new version of the submission. */
  adopt: (submission: Submission) => void;
}

export function useAutosave({
  teamId,
  submission,
  getValues,
  validate,
  setValues,
  enabled,
  onLocked,
}: AutosaveOptions): Autosave {
  const queryClient = useQueryClient();
  const [state, setStateValue] = useState<AutosaveState>({
    status: 'clean',
    savedAt: submission?.updatedAt ?? null,
  });
  const [baseVersion, setBaseVersion] = useState(submission?.version ?? 0);
  // Refs hold what the asynchronous save logic needs to read at the moment it runs.
  const stateRef = useRef(state);
  const baseRef = useRef(submission?.version ?? 0);
  // The fingerprint of the content the server keeps, and when it was saved.
  const savedRef = useRef(fingerprint(submission ? contentOf(submission) : getValues()));
  const savedAtRef = useRef(submission?.updatedAt ?? null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const enabledRef = useRef(enabled);
  const latest = useRef({ getValues, validate, setValues, onLocked });
  useEffect(() => {
    latest.current = { getValues, validate, setValues, onLocked };
    enabledRef.current = enabled;
  });

  const setState = useCallback((next: AutosaveState) => {
    stateRef.current = next;
    setStateValue(next);
  }, []);
  const setBase = useCallback((version: number) => {
    baseRef.current = version;
    setBaseVersion(version);
  }, []);
  const clearTimer = () => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = undefined;
  };

  const store = useCallback(
    (saved: Submission) => {
      queryClient.setQueryData(submissionKeys.detail(teamId), saved);
      void queryClient.invalidateQueries({ queryKey: submissionKeys.versions(teamId) });
    },
    [queryClient, teamId],
  );

  /** Saves what the editor holds, again while typing went on during the previous save. */
  const save = useCallback(async (): Promise<boolean> => {
    const { getValues: read, validate: check, onLocked: lock } = latest.current;
    for (;;) {
      const values = read();
      const print = fingerprint(values);
      if (print === savedRef.current) {
        if (stateRef.current.status !== 'clean') setState({ status: 'clean', savedAt: savedAtRef.current });
        return true;
      }
      if (!check()) {
        setState({ status: 'invalid' });
        return false;
      }
      setState({ status: 'saving' });
      try {
        const saved = await submissionApi.save(teamId, { ...values, baseVersion: baseRef.current });
        savedRef.current = print;
        savedAtRef.current = saved.updatedAt;
        setBase(saved.version);
        store(saved);
      } catch (error) {
        if (isApiError(error) && error.code === 'STALE_VERSION') {
          const theirs = SubmissionSchema.safeParse(error.details);
          setState({ status: 'stale', theirs: theirs.success ? theirs.data : null });
          void queryClient.invalidateQueries({ queryKey: submissionKeys.versions(teamId) });
        } else {
          setState({ status: 'failed', error });
          if (isLockingError(error)) lock(error);
        }
        return false;
      }
    }
  }, [queryClient, setBase, setState, store, teamId]);

  /** One save at a time: a flush during a save waits for it, then saves what is left. */
  const flush = useCallback(async (): Promise<boolean> => {
    clearTimer();
    const stopped = () => !enabledRef.current || stateRef.current.status === 'stale';
    if (stopped()) return false;
    while (inFlight.current) await inFlight.current;
    // The save waited for may have met a conflict, or made the project read-only.
    if (stopped()) return false;
    const run = save().finally(() => {
      inFlight.current = null;
    });
    inFlight.current = run;
    return run;
  }, [save]);

  const changed = useCallback(
    (values?: ContentValues) => {
      if (!enabledRef.current || stateRef.current.status === 'stale') return;
      clearTimer();
      // Typed back to what is saved (or the editor was given a saved version): nothing to do.
      if (fingerprint(values ?? latest.current.getValues()) === savedRef.current) {
        if (!inFlight.current && stateRef.current.status !== 'clean')
          setState({ status: 'clean', savedAt: savedAtRef.current });
        return;
      }
      if (stateRef.current.status !== 'saving') setState({ status: 'dirty' });
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush, setState],
  );

  const loadTheirs = useCallback(() => {
    const current = stateRef.current;
    if (current.status !== 'stale') return;
    const theirs = current.theirs;
    const values = theirs ? contentOf(theirs) : latest.current.getValues();
    // Recorded before the values change, so that the change they cause is seen as saved.
    savedRef.current = fingerprint(values);
    savedAtRef.current = theirs?.updatedAt ?? null;
    setState({ status: 'clean', savedAt: savedAtRef.current });
    if (theirs) {
      latest.current.setValues(values);
      setBase(theirs.version);
      store(theirs);
    }
  }, [setBase, setState, store]);

  const overwrite = useCallback(async () => {
    const current = stateRef.current;
    if (current.status !== 'stale') return false;
    // Their version is now the base: the save replaces it knowingly, and is refused again if a
    // third save came in meanwhile.
    setBase(current.theirs?.version ?? 0);
    savedRef.current = '';
    setState({ status: 'dirty' });
    return flush();
  }, [flush, setBase, setState]);

  const adopt = useCallback(
    (next: Submission) => {
      setBase(next.version);
      store(next);
      savedAtRef.current = next.updatedAt;
      if (stateRef.current.status === 'clean') setState({ status: 'clean', savedAt: next.updatedAt });
    },
    [setBase, setState, store],
  );

  // Another member's save arrived through a refetch while nothing here is unsaved: take it, since
  // no text of this author can be lost. With unsaved text, the next save reports the conflict.
  useEffect(() => {
    if (!submission || submission.version <= baseRef.current || inFlight.current) return;
    if (stateRef.current.status !== 'clean') return;
    if (fingerprint(latest.current.getValues()) !== savedRef.current) return;
    const values = contentOf(submission);
    savedRef.current = fingerprint(values);
    savedAtRef.current = submission.updatedAt;
    latest.current.setValues(values);
    setBase(submission.version);
    setState({ status: 'clean', savedAt: submission.updatedAt });
  }, [submission, setBase, setState]);

  useEffect(() => {
    if (!enabled) clearTimer();
  }, [enabled]);
  useEffect(() => clearTimer, []);

  return { state, baseVersion, changed, flush, loadTheirs, overwrite, adopt };
}
