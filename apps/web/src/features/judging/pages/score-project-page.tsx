import { SHEET_COMMENT_MAX, type Criterion, type FlagKind, type MyAssignment } from '@ca/shared';
import { Alert, Anchor, Badge, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { QueryPageState } from '../../../components/query-state';
import { useFormat } from '../../../lib/format';
import { INTL_LOCALE } from '../../../lib/i18n';
import type { TimedEdition } from '../../editions/queries';
import { useServerNow } from '../../editions/use-server-now';
import { ExternalLink } from '../../markdown/external-link';
import { MarkdownView } from '../../markdown/markdown-view';
import { ConflictModal } from '../components/conflict-modal';
import { CriterionControl } from '../components/criterion-control';
import { FlagModal } from '../components/flag-modal';
import { judgingWindow } from '../components/judging-window';
import { OutboxPanel, sheetErrorMessage } from '../components/outbox-panel';
import { StatusBadge, WRAPPING_BUTTON, FLAG_COLOR } from '../components/status-badge';
import type { SheetOutbox } from '../offline/sheet-outbox';
import {
  completeValues,
  currentSheet,
  invalidCriteria,
  nextOnRoute,
  previousOnRoute,
  sameSheet,
  type SheetValues,
} from '../scoring';
import { useJurorRoute, type RouteItem } from '../use-juror';
import type { RouteLocationState } from './juror-route-page';
import '../judging.css';

/**
 * `/jury/:slug/projects/:submissionId`: one project of the juror's route per screen. The
 * project's latest version (title, tagline, links, description), a control per criterion with its
 * level descriptions, a comment, and "save and next"; flagging it, or declaring a conflict with
 * the team. Saving puts the sheet in the outbox (IndexedDB) and moves on at once; the outbox sends
 * it now or when the network returns.
 */
export function ScoreProjectPage() {
  const { slug = '', submissionId = '' } = useParams<{ slug: string; submissionId: string }>();
  const { t } = useTranslation();
  const { edition, assignments, outbox, outboxState, route } = useJurorRoute(slug);
  const item = route.find((r) => r.assignment.submissionId === submissionId);
  useDocumentTitle(
    `${item?.assignment.title ?? t('judging.sheet.title')} · ${t('judging.juror.title')} · ${t('common.appName')}`,
  );

  if (edition.isPending || edition.isError)
    return <QueryPageState query={edition} notFoundMessage={t('errors.NOT_FOUND')} />;
  if (assignments.isPending || assignments.isError) return <QueryPageState query={assignments} />;

  if (!item) {
    return (
      <Stack gap="md" className="juror-page" data-testid="score-not-assigned">
        <Title order={1} className="page-title">
          {t('judging.sheet.notOnRouteTitle')}
        </Title>
        <Text>{t('judging.sheet.notOnRoute')}</Text>
        <OutboxPanel outbox={outbox} state={outboxState} slug={slug} />
        <Anchor component={Link} to={`/jury/${slug}`} fw={600}>
          ← {t('judging.sheet.backToRoute')}
        </Anchor>
      </Stack>
    );
  }

  return (
    <ScoreSheetScreen
      // A fresh form per project: "save and next" starts the next one empty (or with its sheet).
      key={submissionId}
      slug={slug}
      edition={edition.data}
      item={item}
      route={route}
      outbox={outbox}
      outboxState={outboxState}
    />
  );
}

function ScoreSheetScreen({
  slug,
  edition,
  item,
  route,
  outbox,
  outboxState,
}: {
  slug: string;
  edition: TimedEdition;
  item: RouteItem;
  route: RouteItem[];
  outbox: SheetOutbox | null;
  outboxState: ReturnType<typeof useJurorRoute>['outboxState'];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormat();
  const now = useServerNow(edition.clockOffsetMs);
  const { assignment: a, queued } = item;
  const criteria = [...edition.criteria].sort((x, y) => x.order - y.order);
  const initial = currentSheet(a, queued);
  const [values, setValues] = useState<SheetValues>(() => ({ ...(initial?.values ?? {}) }));
  const [comment, setComment] = useState(initial?.comment ?? '');
  const [missing, setMissing] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [flagKind, setFlagKind] = useState<FlagKind | null>(null);
  const [conflictOpen, setConflictOpen] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const items = route.map((r) => r.assignment);
  const position = items.findIndex((x) => x.submissionId === a.submissionId) + 1;
  const next = nextOnRoute(items, a.submissionId);
  const previous = previousOnRoute(items, a.submissionId);
  const projectName = a.tableLabel ? `${a.tableLabel} · ${a.title}` : a.title;
  const reopened = a.reopening?.open ?? false;
  const phase = judgingWindow(edition, now);
  const canScore = a.canScore && (phase === 'open' || reopened);
  const goNext = (state?: RouteLocationState) =>
    void navigate(next ? `/jury/${slug}/projects/${next.submissionId}` : `/jury/${slug}`, {
      state: next ? undefined : { finished: true, ...state },
    });

  const save = async () => {
    const invalid = invalidCriteria(criteria, values);
    setMissing(invalid);
    if (invalid.length > 0) {
      // Take the juror to the first criterion still without a value.
      const first = formRef.current?.querySelector<HTMLElement>(`[data-criterion-id="${invalid[0]}"] input`);
      first?.focus();
      return;
    }
    const body = { values: completeValues(criteria, values), comment };
    if (!outbox) return;
    setSaving(true);
    try {
      // Saving what is already saved is no edit: no new key, no second audit entry.
      if (!sameSheet(initial, body)) {
        await outbox.enqueue({
          editionId: edition.id,
          submissionId: a.submissionId,
          values: body.values,
          comment: body.comment,
          label: { title: a.title, teamName: a.teamName, tableLabel: a.tableLabel },
        });
      }
      goNext();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="lg" className="juror-page" data-testid="score-page" data-submission-id={a.submissionId}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Anchor component={Link} to={`/jury/${slug}`} fw={600} data-testid="back-to-route">
          ← {t('judging.sheet.backToRoute')}
        </Anchor>
        <Text size="sm" c="dimmed" data-testid="route-position">
          {t('judging.sheet.position', { n: position, total: items.length })}
        </Text>
      </Group>

      <OutboxPanel outbox={outbox} state={outboxState} slug={slug} compact />

      <ProjectHeader assignment={a} status={item.status} />

      {queued?.status === 'refused' && queued.error && (
        <Alert color="red" variant="light" role="alert" title={t('judging.sheet.refusedTitle')}>
          {sheetErrorMessage(queued.error, t)}
        </Alert>
      )}
      <ScoringNotices assignment={a} canScore={canScore} phase={phase} edition={edition} />

      <form
        ref={formRef}
        noValidate
        className="sheet-form"
        data-testid="sheet-form"
        aria-labelledby="sheet-title"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="md">
          <Title order={2} size="h3" id="sheet-title">
            {t('judging.sheet.yourScores')}
          </Title>
          {missing.length > 0 && (
            <Text c="red.9" fw={600} role="alert" data-testid="sheet-missing">
              {t('judging.sheet.missing', { count: missing.length })}
            </Text>
          )}
          {criteria.map((c: Criterion) => (
            <CriterionControl
              key={c.id}
              criterion={c}
              value={values[c.id]}
              disabled={!canScore}
              error={missing.includes(c.id) ? t('judging.sheet.required') : undefined}
              onChange={(v) => {
                setValues((old) => ({ ...old, [c.id]: v }));
                if (v !== undefined) setMissing((m) => m.filter((id) => id !== c.id));
              }}
            />
          ))}
          <Textarea
            label={t('judging.sheet.comment')}
            description={t('judging.sheet.commentHint', {
              count: comment.length,
              max: SHEET_COMMENT_MAX.toLocaleString(INTL_LOCALE[format.language]),
            })}
            autosize
            minRows={3}
            maxRows={12}
            maxLength={SHEET_COMMENT_MAX}
            value={comment}
            disabled={!canScore}
            onChange={(e) => setComment(e.currentTarget.value)}
            data-testid="sheet-comment"
          />
          <div className="sheet-actions">
            <Button
              type="submit"
              size="lg"
              fullWidth
              loading={saving}
              disabled={!canScore}
              styles={WRAPPING_BUTTON}
              data-testid="save-next"
            >
              {next ? t('judging.sheet.saveNext') : t('judging.sheet.saveFinish')}
            </Button>
          </div>
        </Stack>
      </form>

      <section aria-labelledby="other-actions" className="sheet-other">
        <Title order={2} size="h4" id="other-actions" mb="xs">
          {t('judging.sheet.otherTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('judging.sheet.otherHint')}
        </Text>
        <Group gap="sm" grow preventGrowOverflow={false} wrap="wrap">
          <Button
            variant="outline"
            color={FLAG_COLOR}
            size="md"
            onClick={() => setFlagKind('absent')}
            disabled={a.status === 'conflicted'}
            data-testid="flag-absent"
          >
            {t('judging.flag.absent')}
          </Button>
          <Button
            variant="outline"
            color={FLAG_COLOR}
            size="md"
            onClick={() => setFlagKind('cannot_judge')}
            disabled={a.status === 'conflicted'}
            data-testid="flag-cannot-judge"
          >
            {t('judging.flag.cannotJudge')}
          </Button>
          <Button
            variant="outline"
            color="grape.8"
            size="md"
            onClick={() => setConflictOpen(true)}
            disabled={a.status === 'conflicted'}
            data-testid="declare-conflict"
          >
            {t('judging.conflict.open')}
          </Button>
        </Group>
      </section>

      <nav aria-label={t('judging.sheet.routeNav')} className="sheet-nav">
        {previous ? (
          <Anchor component={Link} to={`/jury/${slug}/projects/${previous.submissionId}`} fw={600}>
            ← {t('judging.sheet.previous', { name: previous.tableLabel ?? previous.teamName })}
          </Anchor>
        ) : (
          <span />
        )}
        {next && (
          <Anchor component={Link} to={`/jury/${slug}/projects/${next.submissionId}`} fw={600}>
            {t('judging.sheet.skip', { name: next.tableLabel ?? next.teamName })} →
          </Anchor>
        )}
      </nav>

      {flagKind && (
        <FlagModal
          opened
          initialKind={flagKind}
          editionId={edition.id}
          submissionId={a.submissionId}
          projectName={projectName}
          onClose={() => setFlagKind(null)}
          onFlagged={() => {
            setFlagKind(null);
            void navigate(`/jury/${slug}`, { state: { flagged: projectName } satisfies RouteLocationState });
          }}
        />
      )}
      {conflictOpen && (
        <ConflictModal
          opened
          editionId={edition.id}
          teamId={a.teamId}
          teamName={a.teamName}
          onClose={() => setConflictOpen(false)}
          onDeclared={() => {
            setConflictOpen(false);
            void navigate(`/jury/${slug}`, { state: { conflict: a.teamName } satisfies RouteLocationState });
          }}
        />
      )}
    </Stack>
  );
}

/** The project as its team last saved it: what the juror looks at while scoring. */
function ProjectHeader({ assignment: a, status }: { assignment: MyAssignment; status: RouteItem['status'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const links = (
    [
      ['repoUrl', a.latest.repoUrl],
      ['demoUrl', a.latest.demoUrl],
      ['videoUrl', a.latest.videoUrl],
    ] as const
  ).filter(([, url]) => url !== '');

  return (
    <Stack gap="sm" component="section" aria-labelledby="project-title" data-testid="project">
      <Group gap="xs" wrap="wrap">
        {a.tableLabel && (
          <Badge size="xl" variant="filled" color="dark.6" radius="sm" tt="none" data-testid="project-table">
            {t('judging.juror.table', { table: a.tableLabel })}
          </Badge>
        )}
        <StatusBadge status={status} />
      </Group>
      <div>
        <Text fw={600} data-testid="project-team">
          {a.teamName}
        </Text>
        <Title order={1} className="page-title" id="project-title" data-testid="project-title">
          {a.title}
        </Title>
        {a.latest.tagline && (
          <Text size="lg" data-testid="project-tagline">
            {a.latest.tagline}
          </Text>
        )}
        <Text size="sm" c="dimmed" mt={4} data-testid="project-version">
          {t('judging.sheet.version', { version: a.latest.version, at: format.dateTime(a.latest.updatedAt) })}
        </Text>
      </div>
      {links.length > 0 && (
        <ul className="plain-list project-links" aria-label={t('judging.sheet.links')}>
          {links.map(([key, url]) => (
            <li key={key}>
              <ExternalLink href={url} fw={600} newTabLabel={t('judging.sheet.newTab')}>
                {t(`judging.sheet.link.${key}`)}
              </ExternalLink>
            </li>
          ))}
        </ul>
      )}
      {a.latest.techTags.length > 0 && (
        <Group gap={6} aria-label={t('judging.sheet.techTags')} role="list">
          {a.latest.techTags.map((tag) => (
            <Badge key={tag} variant="outline" color="gray.8" tt="none" role="listitem">
              {tag}
            </Badge>
          ))}
        </Group>
      )}
      <details className="project-description">
        <summary data-testid="description-toggle">{t('judging.sheet.description')}</summary>
        <MarkdownView
          source={a.latest.description}
          headingOffset={2}
          empty={t('judging.sheet.noDescription')}
          data-testid="project-description"
        />
      </details>
    </Stack>
  );
}

/** Why the sheet is read-only, or what the juror should know before scoring. */
function ScoringNotices({
  assignment: a,
  canScore,
  phase,
  edition,
}: {
  assignment: MyAssignment;
  canScore: boolean;
  phase: ReturnType<typeof judgingWindow>;
  edition: TimedEdition;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      {a.flag && (
        <Alert color="orange" variant="light" data-testid="project-flag">
          {t(a.flag.kind === 'absent' ? 'judging.sheet.flaggedAbsent' : 'judging.sheet.flaggedCannotJudge', {
            reason: a.flag.reason,
          })}
        </Alert>
      )}
      {a.reopening?.open && (
        <Alert color="blue" variant="light" data-testid="project-reopened">
          {a.reopening.until
            ? t('judging.sheet.reopenedUntil', {
                reason: a.reopening.reason,
                at: format.deadline(a.reopening.until),
              })
            : t('judging.sheet.reopened', { reason: a.reopening.reason })}
        </Alert>
      )}
      {a.latest.extensionRunning && (
        <Alert color="blue" variant="light" data-testid="project-extension">
          {t('judging.sheet.extension', { at: format.deadline(a.latest.deadline) })}
        </Alert>
      )}
      {!canScore && (
        <Alert color="gray" variant="light" role="status" data-testid="sheet-locked">
          {a.status === 'conflicted'
            ? t('judging.sheet.lockedConflict')
            : phase === 'before'
              ? t('judging.sheet.lockedBefore', { at: format.deadline(edition.submissionDeadline) })
              : phase === 'closed'
                ? t('judging.sheet.lockedClosed', { at: format.deadline(edition.judgingEndsAt) })
                : t('judging.sheet.locked')}
        </Alert>
      )}
    </>
  );
}
