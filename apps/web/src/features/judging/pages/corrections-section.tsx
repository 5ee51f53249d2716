import type { Criterion, SubmissionSheet } from '@ca/shared';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error';
import { QueryPageState } from '../../../components/query-state';
import { useFormat } from '../../../lib/format';
import type { TimedEdition } from '../../editions/queries';
import { useServerNow } from '../../editions/use-server-now';
import { useConsoleEdition } from '../../organizer/console/console-context';
import { SectionHeader } from '../../organizer/console/section-header';
import { REASON_MAX } from '../components/flag-modal';
import { judgingWindow } from '../components/judging-window';
import { useCloseReopening, useOverrideSheet, useReopenSheet } from '../mutations';
import { judgingQueries } from '../queries';
import { invalidCriteria, type SheetValues } from '../scoring';
import { FLAG_COLOR } from '../components/status-badge';

/**
 * The console's corrections, after judging ended, without moving the timeline: for one project,
 * every juror's sheet; an organizer reopens one for the juror (with a reason, for a while or until
 * closed), or corrects it with an audited override.
 */
export function CorrectionsSection() {
  const { t } = useTranslation();
  const edition = useConsoleEdition();
  const format = useFormat();
  const now = useServerNow(edition.clockOffsetMs);
  const over = judgingWindow(edition, now) === 'closed';
  const submissions = useQuery(judgingQueries.submissions(edition.id));
  const [submissionId, setSubmissionId] = useState<string | null>(null);

  return (
    <Stack gap="xl">
      <SectionHeader
        title={t('organizer.console.sections.corrections')}
        intro={t('judging.corrections.intro')}
      />
      {!over && (
        <Alert color="blue" variant="light" data-testid="corrections-running">
          {t('judging.corrections.stillRunning', { at: format.deadline(edition.judgingEndsAt) })}
        </Alert>
      )}
      <Select
        label={t('judging.corrections.project')}
        searchable
        value={submissionId}
        onChange={setSubmissionId}
        data={(submissions.data ?? []).map((s) => ({ value: s.id, label: `${s.teamName} — ${s.title}` }))}
        nothingFoundMessage={t('judging.assignments.noProjects')}
        maw={520}
        data-testid="corrections-project"
      />
      {submissionId && <SheetsOf edition={edition} submissionId={submissionId} over={over} />}
    </Stack>
  );
}

function SheetsOf({
  edition,
  submissionId,
  over,
}: {
  edition: TimedEdition;
  submissionId: string;
  over: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useQuery(judgingQueries.sheets(edition.id, submissionId));
  const close = useCloseReopening(edition.id);
  const [reopening, setReopening] = useState<SubmissionSheet | null>(null);
  const [overriding, setOverriding] = useState<SubmissionSheet | null>(null);
  const criteria = [...edition.criteria].sort((a, b) => a.order - b.order);

  if (query.isPending || query.isError) return <QueryPageState query={query} />;
  if (query.data.length === 0) return <Text>{t('judging.corrections.noSheets')}</Text>;

  return (
    <Stack gap="sm" component="ul" className="plain-list">
      {query.data.map((s) => (
        <Card component="li" withBorder padding="md" key={s.jurorId} data-testid="correction-sheet">
          <Stack gap={6}>
            <Group justify="space-between" wrap="wrap">
              <Text fw={700}>{s.jurorName}</Text>
              <Group gap={6}>
                <Text fw={700}>{s.score.toFixed(2)}</Text>
                {!s.counts && (
                  <Badge color="grape.8" variant="filled" tt="none">
                    {t('judging.assignments.notCounting')}
                  </Badge>
                )}
                {s.reopening?.open && (
                  <Badge color="blue.8" variant="filled" tt="none">
                    {t('judging.corrections.reopenedBadge')}
                  </Badge>
                )}
              </Group>
            </Group>
            <Text size="sm">{criteria.map((c) => `${c.name}: ${s.values[c.id] ?? '—'}`).join(' · ')}</Text>
            {s.comment && (
              <Text size="sm" fs="italic">
                “{s.comment}”
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t('judging.corrections.savedAt', { at: format.dateTime(s.updatedAt) })}
            </Text>
            {s.reopening?.open && (
              <Text size="sm">
                {s.reopening.until
                  ? t('judging.corrections.reopenedUntil', {
                      reason: s.reopening.reason,
                      at: format.deadline(s.reopening.until),
                    })
                  : t('judging.corrections.reopened', { reason: s.reopening.reason })}
              </Text>
            )}
            <Group gap="xs" mt={4}>
              {s.reopening?.open ? (
                <Button
                  size="xs"
                  variant="default"
                  loading={close.isPending}
                  onClick={() => close.mutate({ submissionId, jurorId: s.jurorId })}
                >
                  {t('judging.corrections.close')}
                </Button>
              ) : (
                <Button
                  size="xs"
                  variant="light"
                  disabled={!over || !s.counts}
                  onClick={() => setReopening(s)}
                  data-testid="reopen-sheet"
                >
                  {t('judging.corrections.reopen')}
                </Button>
              )}
              <Button
                size="xs"
                variant="light"
                color={FLAG_COLOR}
                disabled={!over}
                onClick={() => setOverriding(s)}
                data-testid="override-sheet"
              >
                {t('judging.corrections.override')}
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
      {reopening && (
        <ReopenModal
          editionId={edition.id}
          submissionId={submissionId}
          sheet={reopening}
          onClose={() => setReopening(null)}
        />
      )}
      {overriding && (
        <OverrideModal
          editionId={edition.id}
          submissionId={submissionId}
          sheet={overriding}
          criteria={criteria}
          onClose={() => setOverriding(null)}
        />
      )}
    </Stack>
  );
}

function ReopenModal({
  editionId,
  submissionId,
  sheet,
  onClose,
}: {
  editionId: string;
  submissionId: string;
  sheet: SubmissionSheet;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const reopen = useReopenSheet(editionId);
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState<number | string>('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('judging.corrections.reopenTitle', { juror: sheet.jurorName })}
      centered
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim() === '') return setError(t('judging.conflict.reasonRequired'));
          setError(null);
          reopen.mutate(
            {
              submissionId,
              jurorId: sheet.jurorId,
              reason: reason.trim(),
              ...(typeof minutes === 'number' ? { minutes } : {}),
            },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('judging.corrections.reopenedDone') });
                onClose();
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('judging.corrections.reopenHint')}</Text>
          <FormError error={reopen.error} />
          <Textarea
            label={t('judging.conflict.reason')}
            required
            autosize
            minRows={2}
            maxLength={REASON_MAX}
            value={reason}
            error={error}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <NumberInput
            label={t('judging.corrections.minutes')}
            description={t('judging.corrections.minutesHint')}
            min={1}
            max={10080}
            value={minutes}
            onChange={setMinutes}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('forms.cancel')}
            </Button>
            <Button type="submit" loading={reopen.isPending}>
              {t('judging.corrections.reopen')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function OverrideModal({
  editionId,
  submissionId,
  sheet,
  criteria,
  onClose,
}: {
  editionId: string;
  submissionId: string;
  sheet: SubmissionSheet;
  criteria: Criterion[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const override = useOverrideSheet(editionId);
  const [values, setValues] = useState<SheetValues>(() => ({ ...sheet.values }));
  const [comment, setComment] = useState(sheet.comment);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const invalid = invalidCriteria(criteria, values);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('judging.corrections.overrideTitle', { juror: sheet.jurorName })}
      centered
      size="lg"
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (invalid.length > 0) return setError(t('judging.corrections.valuesInvalid'));
          if (reason.trim() === '') return setError(t('judging.conflict.reasonRequired'));
          setError(null);
          override.mutate(
            {
              submissionId,
              jurorId: sheet.jurorId,
              values: Object.fromEntries(criteria.map((c) => [c.id, values[c.id]!])),
              comment,
              reason: reason.trim(),
            },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('judging.corrections.overridden') });
                onClose();
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('judging.corrections.overrideHint')}</Text>
          <FormError error={override.error} />
          {error && (
            <Text c="red.9" size="sm" role="alert">
              {error}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {criteria.map((c) => (
              <NumberInput
                key={c.id}
                label={`${c.name} (${c.min}–${c.max})`}
                min={c.min}
                max={c.max}
                required
                value={values[c.id] ?? ''}
                error={invalid.includes(c.id) ? t('judging.sheet.required') : undefined}
                onChange={(v) =>
                  setValues((old) => ({ ...old, [c.id]: typeof v === 'number' ? v : undefined }))
                }
              />
            ))}
          </SimpleGrid>
          <Textarea
            label={t('judging.sheet.comment')}
            autosize
            minRows={2}
            maxLength={5000}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
          <Textarea
            label={t('judging.corrections.overrideReason')}
            required
            autosize
            minRows={2}
            maxLength={REASON_MAX}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('forms.cancel')}
            </Button>
            <Button type="submit" color={FLAG_COLOR} loading={override.isPending}>
              {t('judging.corrections.override')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
