import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-message';
import { useLanguage } from '../../../lib/i18n';
import { formatSavedTime } from '../format';
import type { AutosaveState } from '../use-autosave';

/** "Saving… / Saved at 14:03:12 / Not saved: …", announced politely as it changes. */
export function SaveStatus({ state, onRetry }: { state: AutosaveState; onRetry: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const message = useErrorMessage();

  let text: string;
  // Dark shades only: each keeps at least 4.5:1 on white.
  let color = 'gray.8';
  switch (state.status) {
    case 'saving':
      text = t('submissions.editor.save.saving');
      color = 'gray.8';
      break;
    case 'clean':
      text = state.savedAt
        ? t('submissions.editor.save.savedAt', { time: formatSavedTime(state.savedAt, language) })
        : t('submissions.editor.save.neverSaved');
      color = state.savedAt ? 'teal.9' : 'gray.8';
      break;
    case 'dirty':
      text = t('submissions.editor.save.waiting');
      break;
    case 'invalid':
      text = t('submissions.editor.save.invalid');
      color = 'red.9';
      break;
    case 'failed':
      text = t('submissions.editor.save.failed', { reason: message(state.error) });
      color = 'red.9';
      break;
    case 'stale':
      text = t('submissions.editor.save.stale');
      color = 'red.9';
      break;
  }

  return (
    <Group gap="sm" wrap="wrap">
      <Text
        role="status"
        aria-live="polite"
        fw={600}
        c={color}
        data-testid="save-status"
        data-status={state.status}
      >
        {text}
      </Text>
      {state.status === 'failed' && (
        <Button size="compact-sm" variant="outline" onClick={onRetry}>
          {t('submissions.editor.save.retry')}
        </Button>
      )}
    </Group>
  );
}
