import type { Submission, SubmissionChecklist } from '@ca/shared';
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AutosaveState } from '../use-autosave';
import { SaveStatus } from './save-status';

/** The save state on the left; history, and submit or withdraw, on the right. */
export function EditorToolbar({
  submission,
  state,
  readOnly,
  stale,
  busy,
  checklist,
  onRetry,
  onHistory,
  onSubmit,
  onUnsubmit,
}: {
  submission: Submission | null;
  state: AutosaveState;
  readOnly: boolean;
  stale: boolean;
  busy: boolean;
  checklist: SubmissionChecklist;
  onRetry: () => void;
  onHistory: () => void;
  onSubmit: () => void;
  onUnsubmit: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" gap="sm" wrap="wrap">
      {readOnly ? <span /> : <SaveStatus state={state} onRetry={onRetry} />}
      <Group gap="sm">
        <Button variant="default" onClick={onHistory} disabled={!submission} data-testid="open-history">
          {t('submissions.editor.history')}
        </Button>
        {!readOnly &&
          (submission?.status === 'submitted' ? (
            <Button variant="outline" onClick={onUnsubmit} loading={busy} data-testid="unsubmit">
              {t('submissions.editor.unsubmit')}
            </Button>
          ) : (
            <Button
              onClick={onSubmit}
              loading={busy}
              disabled={stale}
              data-testid="submit"
              data-ready={checklist.ready}
            >
              {t('submissions.editor.submit')}
            </Button>
          ))}
      </Group>
    </Group>
  );
}
