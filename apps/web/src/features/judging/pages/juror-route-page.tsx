import { Alert, Anchor, Button, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { QueryPageState } from '../../../components/query-state';
import { JudgingWindow } from '../components/judging-window';
import { OutboxPanel } from '../components/outbox-panel';
import { StatusBadge, WRAPPING_BUTTON } from '../components/status-badge';
import { routeCounts } from '../scoring';
import { useJurorRoute } from '../use-juror';
import '../judging.css';

/** What a project screen hands back after "save and next" reached the end of the route. */
export interface RouteLocationState {
  saved?: string;
  flagged?: string;
  conflict?: string;
  finished?: boolean;
}

/**
 * `/jury/:slug`: the juror's projects as a walking route through the hall (by table), each with
 * its state (to do, done, flagged, waiting to be sent, refused), what is waiting in the outbox,
 * and a big button to the next project still to do.
 */
export function JurorRoutePage() {
  const { slug = '' } = useParams<{ slug: string }>();
  const { t } = useTranslation();
  const location = useLocation();
  const notice = (location.state ?? {}) as RouteLocationState;
  const { edition, assignments, outbox, outboxState, route } = useJurorRoute(slug);
  useDocumentTitle(`${t('judging.juror.title')} · ${edition.data?.name ?? ''} · ${t('common.appName')}`);

  if (edition.isPending || edition.isError)
    return <QueryPageState query={edition} notFoundMessage={t('errors.NOT_FOUND')} />;
  if (assignments.isPending || assignments.isError) return <QueryPageState query={assignments} />;

  const counts = routeCounts(route.map((r) => r.status));
  const next = route.find((r) => r.status === 'todo');

  return (
    <Stack gap="lg" className="juror-page" data-testid="juror-route">
      <Stack gap={4}>
        <Title order={1} className="page-title">
          {t('judging.juror.title')}
        </Title>
        <Text fw={600}>{edition.data.name}</Text>
        <JudgingWindow edition={edition.data} />
      </Stack>

      {(notice.finished || notice.flagged || notice.conflict) && (
        <Alert color="teal" variant="light" role="status" data-testid="route-notice">
          {notice.conflict
            ? t('judging.juror.conflictDeclared', { team: notice.conflict })
            : notice.flagged
              ? t('judging.juror.flagged', { name: notice.flagged })
              : counts.todo === 0
                ? t('judging.juror.allDone')
                : t('judging.juror.finished')}
        </Alert>
      )}

      <OutboxPanel outbox={outbox} state={outboxState} slug={slug} />

      {route.length === 0 ? (
        <Text data-testid="route-empty">{t('judging.juror.none')}</Text>
      ) : (
        <>
          <Text data-testid="route-progress">
            {t('judging.juror.progress', { done: counts.done, total: counts.total })}
            {counts.flagged > 0 && ` · ${t('judging.juror.flaggedCount', { count: counts.flagged })}`}
            {counts.todo > 0 && ` · ${t('judging.juror.todoCount', { count: counts.todo })}`}
          </Text>
          {next && (
            <Button
              component={Link}
              to={`/jury/${slug}/projects/${next.assignment.submissionId}`}
              size="lg"
              fullWidth
              className="route-next"
              styles={WRAPPING_BUTTON}
              data-testid="route-next"
            >
              {t('judging.juror.next', {
                name: next.assignment.tableLabel
                  ? `${next.assignment.tableLabel} · ${next.assignment.teamName}`
                  : next.assignment.teamName,
              })}
            </Button>
          )}
          <section aria-labelledby="route-title">
            <Title order={2} size="h3" id="route-title" mb="xs">
              {t('judging.juror.routeTitle')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('judging.juror.routeHint')}
            </Text>
            <ol className="route-list plain-list" data-testid="route-list">
              {route.map(({ assignment: a, status }, i) => (
                <li key={a.submissionId}>
                  <Anchor
                    component={Link}
                    to={`/jury/${slug}/projects/${a.submissionId}`}
                    className="route-card"
                    underline="never"
                    data-testid="route-item"
                    data-submission-id={a.submissionId}
                    data-status={status}
                  >
                    <span className="route-table">
                      {a.tableLabel ? (
                        <>
                          <VisuallyHidden>{t('judging.juror.tableWord')} </VisuallyHidden>
                          {a.tableLabel}
                        </>
                      ) : (
                        <span aria-hidden="true">{i + 1}</span>
                      )}
                    </span>
                    <span className="route-text">
                      <span className="route-team">{a.teamName}</span>
                      <span className="route-title">{a.title}</span>
                      <span className="route-status">
                        <StatusBadge status={status} />
                      </span>
                    </span>
                  </Anchor>
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </Stack>
  );
}
