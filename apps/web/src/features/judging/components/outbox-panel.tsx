import { Alert, Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { INTL_LOCALE, i18n, useLanguage, type Language } from '../../../lib/i18n';
import { loginPath } from '../../auth/queries';
import { ConfirmModal } from '../../../components/confirm-modal';
import type { OutboxState, SheetOutbox } from '../offline/sheet-outbox';
import type { QueuedSheet, SheetError } from '../offline/sheet-store';

/** Why a sheet was refused or is held back, in the reader's language (the juror's wording first). */
export function sheetErrorMessage(error: SheetError, t = i18n.t.bind(i18n)): string {
  const tr = t as unknown as (key: string) => string;
  for (const key of [`judging.refusal.${error.code}`, `errors.${error.code}`])
    if (i18n.exists(key)) return tr(key);
  return error.message || t('errors.INTERNAL');
}

const timeOf = (iso: string, language: Language) =>
  new Intl.DateTimeFormat(INTL_LOCALE[language], { hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );

/** Seconds until `at`, ticking, for "next try in 8 s". */
function useSecondsUntil(at: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

const itemName = (item: QueuedSheet) =>
  item.label.tableLabel ? `${item.label.tableLabel} · ${item.label.title}` : item.label.title;

/**
 * What is waiting in the juror's outbox: sheets saved on this device and not yet sent (with why,
 * and a way to send now), and sheets the API refused, each with the translated reason and the
 * juror's choices (open it, try again, discard). Nothing leaves this list without the API
 * taking it or the juror discarding it.
 */
export function OutboxPanel({
  outbox,
  state,
  slug,
  compact,
}: {
  outbox: SheetOutbox | null;
  state: OutboxState;
  /** The edition's slug, for links to the projects. */
  slug: string;
  /** On a project's screen: the summary line only, the list stays on the route page. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { pathname, search } = useLocation();
  const [discarding, setDiscarding] = useState<QueuedSheet | null>(null);
  const seconds = useSecondsUntil(state.retryAt);
  const pending = state.items.filter((i) => i.status === 'pending');
  const refused = state.items.filter((i) => i.status === 'refused');
  const signedOut = pending.some((i) => i.error?.code === 'UNAUTHENTICATED');

  if (!state.ready) return null;

  const summary =
    pending.length === 0
      ? refused.length > 0
        ? t('judging.queue.refusedSummary', { count: refused.length })
        : t('judging.queue.allSent')
      : !state.online
        ? t('judging.queue.waitingOffline', { count: pending.length })
        : state.sending
          ? t('judging.queue.sending', { count: pending.length })
          : seconds !== null
            ? t('judging.queue.retryIn', { count: pending.length, seconds })
            : t('judging.queue.waiting', { count: pending.length });

  return (
    <Stack gap="sm" data-testid="outbox-panel">
      <Card
        withBorder
        padding="sm"
        className="outbox-summary"
        data-state={
          pending.length > 0
            ? state.online
              ? 'waiting'
              : 'offline'
            : refused.length > 0
              ? 'refused'
              : 'sent'
        }
      >
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600} role="status" aria-live="polite" data-testid="outbox-summary">
            <span aria-hidden="true" className="outbox-dot" /> {summary}
          </Text>
          {pending.length > 0 && state.online && !state.sending && (
            <Button
              size="sm"
              variant="outline"
              onClick={() => void outbox?.retryNow()}
              data-testid="outbox-send-now"
            >
              {t('judging.queue.sendNow')}
            </Button>
          )}
        </Group>
        {!state.persistent && (
          <Text size="sm" mt={4} data-testid="outbox-not-persistent">
            {t('judging.queue.notPersistent')}
          </Text>
        )}
        {signedOut && (
          <Text size="sm" mt={4}>
            {t('judging.queue.signedOut')}{' '}
            <Anchor component={Link} to={loginPath(pathname + search)} fw={600}>
              {t('judging.queue.signIn')}
            </Anchor>
          </Text>
        )}
        {!compact && pending.length > 0 && (
          <ul className="plain-list outbox-list" aria-label={t('judging.queue.pendingList')}>
            {pending.map((item) => (
              <li key={item.id} data-testid="outbox-item" data-submission-id={item.submissionId}>
                <Text size="sm">
                  {itemName(item)}{' '}
                  <Text span c="dimmed" size="sm">
                    · {t('judging.queue.savedAt', { time: timeOf(item.savedAt, language) })}
                  </Text>
                </Text>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {refused.map((item) => (
        <Alert
          key={item.id}
          color="red"
          variant="light"
          role="alert"
          title={t('judging.queue.refusedTitle', { name: itemName(item) })}
          data-testid="outbox-refused"
          data-submission-id={item.submissionId}
          data-code={item.error?.code}
        >
          <Stack gap="xs">
            <Text size="sm">{item.error ? sheetErrorMessage(item.error, t) : t('errors.INTERNAL')}</Text>
            <Text size="sm" c="dimmed">
              {t('judging.queue.refusedKept', { time: timeOf(item.savedAt, language) })}
            </Text>
            <Group gap="xs">
              <Button
                size="sm"
                variant="outline"
                component={Link}
                to={`/jury/${slug}/projects/${item.submissionId}`}
              >
                {t('judging.queue.open')}
              </Button>
              <Button size="sm" variant="outline" onClick={() => void outbox?.retry(item.id)}>
                {t('judging.queue.tryAgain')}
              </Button>
              <Button size="sm" variant="subtle" c="red.9" onClick={() => setDiscarding(item)}>
                {t('judging.queue.discard')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ))}
      <ConfirmModal
        opened={discarding !== null}
        title={t('judging.queue.discardTitle')}
        body={discarding ? t('judging.queue.discardBody', { name: itemName(discarding) }) : ''}
        confirm={t('judging.queue.discard')}
        danger
        onClose={() => setDiscarding(null)}
        onConfirm={() => {
          if (discarding) void outbox?.discard(discarding.id);
          setDiscarding(null);
        }}
      />
    </Stack>
  );
}
