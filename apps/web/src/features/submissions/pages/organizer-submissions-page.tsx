import '@mantine/dates/styles.css';
import 'dayjs/locale/ro';
import { DisqualifySchema, ExtensionSchema, type SubmissionListItem } from '@ca/shared';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { DatesProvider, DateTimePicker } from '@mantine/dates';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageLoader, QueryError, QueryPageState } from '../../../components/query-state';
import { useFormat } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n';
import { editionQueries, type TimedEdition } from '../../editions/queries';
import { SubmissionContentView } from '../components/submission-content-view';
import { badgeStatusOf, SubmissionStatusBadge } from '../components/submission-status-badge';
import { contentOf } from '../content';
import {
  submissionApi,
  submissionKeys,
  submissionQueries,
  type SubmissionFilterStatus,
  type SubmissionListFilters,
} from '../queries';

const STATUSES: SubmissionFilterStatus[] = ['draft', 'submitted', 'disqualified'];
const isFilterStatus = (v: string | null): v is SubmissionFilterStatus =>
  STATUSES.includes(v as SubmissionFilterStatus);

type Dialog =
  | { kind: 'view'; item: SubmissionListItem }
  | { kind: 'extend'; item: SubmissionListItem }
  | { kind: 'disqualify'; item: SubmissionListItem };

/** `/organize/editions/:slug/submissions`: every submission of an edition, filtered, with actions. */
export function OrganizerSubmissionsPage() {
  const { slug = '' } = useParams<{ slug: string }>();
  const { t } = useTranslation();
  const query = useQuery(editionQueries.detail(slug));
  useDocumentTitle(
    `${t('submissions.organizer.documentTitle', { edition: query.data?.name ?? '…' })} · ${t('common.appName')}`,
  );

  if (query.isPending || query.isError)
    return <QueryPageState query={query} notFoundMessage={t('errors.NOT_FOUND')} />;
  return <SubmissionsTable edition={query.data} />;
}

function SubmissionsTable({ edition }: { edition: TimedEdition }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const trackParam = params.get('track');
  const statusParam = params.get('status');
  const filters: SubmissionListFilters = {
    trackId: edition.tracks.some((tr) => tr.id === trackParam) ? (trackParam ?? undefined) : undefined,
    status: isFilterStatus(statusParam) ? statusParam : undefined,
  };
  const setFilter = (key: 'track' | 'status', value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const list = useInfiniteQuery(submissionQueries.editionList(edition.id, filters));
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const trackNames = useMemo(() => new Map(edition.tracks.map((tr) => [tr.id, tr.name])), [edition.tracks]);
  const challengeTitles = useMemo(
    () => new Map(edition.tracks.flatMap((tr) => tr.challenges.map((c) => [c.id, c.title] as const))),
    [edition.tracks],
  );
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  const queryClient = useQueryClient();
  const refresh = (teamId: string) => {
    void queryClient.invalidateQueries({ queryKey: submissionKeys.editionLists(edition.id) });
    void queryClient.invalidateQueries({ queryKey: submissionKeys.team(teamId) });
  };
  const reinstate = useMutation({
    mutationFn: (item: SubmissionListItem) => submissionApi.reinstate(item.id),
    onSuccess: (_, item) => {
      refresh(item.teamId);
      notifications.show({
        color: 'teal',
        message: t('submissions.organizer.disqualification.reinstated', { team: item.teamName }),
      });
    },
  });

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to={`/organize/editions/${edition.slug}`} size="sm" fw={600}>
          ← {edition.name}
        </Anchor>
        <Title order={1} className="page-title">
          {t('submissions.organizer.title')}
        </Title>
        <Text c="dimmed">{t('submissions.organizer.subtitle', { edition: edition.name })}</Text>
      </Stack>

      <Group gap="md" align="flex-end" role="search" aria-label={t('submissions.organizer.filters')}>
        <Select
          label={t('submissions.organizer.track')}
          data={[
            { value: '', label: t('submissions.organizer.allTracks') },
            ...edition.tracks.map((tr) => ({ value: tr.id, label: tr.name })),
          ]}
          value={filters.trackId ?? ''}
          onChange={(v) => setFilter('track', v || null)}
          allowDeselect={false}
          w={{ base: '100%', sm: 240 }}
          data-testid="filter-track"
        />
        <Select
          label={t('submissions.organizer.status')}
          data={[
            { value: '', label: t('submissions.organizer.allStatuses') },
            ...STATUSES.map((s) => ({ value: s, label: t(`submissions.status.${s}`) })),
          ]}
          value={filters.status ?? ''}
          onChange={(v) => setFilter('status', v || null)}
          allowDeselect={false}
          w={{ base: '100%', sm: 200 }}
          data-testid="filter-status"
        />
      </Group>

      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Text data-testid="submissions-empty">{t('submissions.organizer.empty')}</Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" role="status">
            {t('submissions.organizer.count', { count: items.length })}
          </Text>
          <Table.ScrollContainer minWidth={960}>
            <Table striped highlightOnHover verticalSpacing="sm" data-testid="submissions-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('submissions.organizer.columns.team')}</Table.Th>
                  <Table.Th scope="col">{t('submissions.organizer.columns.project')}</Table.Th>
                  <Table.Th scope="col">{t('submissions.organizer.columns.track')}</Table.Th>
                  <Table.Th scope="col">{t('submissions.organizer.columns.status')}</Table.Th>
                  <Table.Th scope="col">{t('submissions.organizer.columns.updated')}</Table.Th>
                  <Table.Th scope="col">{t('submissions.organizer.columns.deadline')}</Table.Th>
                  <Table.Th scope="col">{t('submissions.organizer.columns.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => {
                  const extended = Date.parse(item.deadline) > Date.parse(edition.submissionDeadline);
                  const hidden = <VisuallyHidden> · {item.teamName}</VisuallyHidden>;
                  return (
                    <Table.Tr key={item.id} data-testid="submission-row">
                      <Table.Th scope="row" fw={600}>
                        {item.teamName}
                      </Table.Th>
                      <Table.Td>
                        <Text fw={600} size="sm">
                          {item.title || t('submissions.content.noTitle')}
                        </Text>
                        {item.tagline && (
                          <Text size="xs" c="dimmed" lineClamp={2}>
                            {item.tagline}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{trackNames.get(item.trackId) ?? '—'}</Table.Td>
                      <Table.Td miw={130}>
                        <SubmissionStatusBadge status={badgeStatusOf(item)} size="sm" />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          <time dateTime={item.updatedAt}>{format.dateTime(item.updatedAt)}</time>
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          <time dateTime={item.deadline}>{format.dateTime(item.deadline)}</time>
                        </Text>
                        {extended && (
                          <Badge size="sm" color="indigo.8" variant="filled" mt={4}>
                            {t('submissions.organizer.extendedBadge')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Button
                            size="compact-sm"
                            variant="default"
                            onClick={() => setDialog({ kind: 'view', item })}
                            data-testid="row-view"
                          >
                            {t('submissions.organizer.view')}
                            {hidden}
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="outline"
                            onClick={() => setDialog({ kind: 'extend', item })}
                            data-testid="row-extend"
                          >
                            {t('submissions.organizer.extend')}
                            {hidden}
                          </Button>
                          {item.disqualified ? (
                            <Button
                              size="compact-sm"
                              variant="outline"
                              color="teal.9"
                              loading={reinstate.isPending && reinstate.variables?.id === item.id}
                              onClick={() => reinstate.mutate(item)}
                              data-testid="row-reinstate"
                            >
                              {t('submissions.organizer.reinstate')}
                              {hidden}
                            </Button>
                          ) : (
                            <Button
                              size="compact-sm"
                              variant="outline"
                              color="red.9"
                              onClick={() => setDialog({ kind: 'disqualify', item })}
                              data-testid="row-disqualify"
                            >
                              {t('submissions.organizer.disqualify')}
                              {hidden}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.hasNextPage && (
            <Button
              variant="outline"
              onClick={() => void list.fetchNextPage()}
              loading={list.isFetchingNextPage}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('submissions.organizer.more')}
            </Button>
          )}
        </Stack>
      )}

      <Modal
        opened={dialog?.kind === 'view'}
        onClose={close}
        size="xl"
        title={
          dialog?.kind === 'view' ? (
            <strong>
              {t('submissions.organizer.viewTitle', {
                title: dialog.item.title || t('submissions.content.noTitle'),
                team: dialog.item.teamName,
              })}
            </strong>
          ) : null
        }
      >
        {dialog?.kind === 'view' && (
          <Stack gap="md" data-testid="organizer-view">
            <Group gap="xs">
              <SubmissionStatusBadge status={badgeStatusOf(dialog.item)} />
            </Group>
            {dialog.item.disqualifiedReason && (
              <Text size="sm" c="red.9">
                {t('submissions.readOnly.disqualified', { reason: dialog.item.disqualifiedReason })}
              </Text>
            )}
            <SubmissionContentView
              content={contentOf(dialog.item)}
              challengeTitles={challengeTitles}
              trackName={trackNames.get(dialog.item.trackId)}
              headingLevel={2}
              descriptionTestId="organizer-description"
            />
          </Stack>
        )}
      </Modal>
      {dialog?.kind === 'extend' && (
        <ExtensionModal edition={edition} item={dialog.item} onClose={close} onDone={refresh} />
      )}
      {dialog?.kind === 'disqualify' && (
        <DisqualifyModal item={dialog.item} onClose={close} onDone={refresh} />
      )}
    </Stack>
  );
}

/** The local `YYYY-MM-DD HH:mm:ss` of the date pickers ↔ ISO instants. */
const toPicker = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');
const fromPicker = (value: string) => dayjs(value).toISOString();

function ExtensionModal({
  edition,
  item,
  onClose,
  onDone,
}: {
  edition: TimedEdition;
  item: SubmissionListItem;
  onClose: () => void;
  onDone: (teamId: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const language = useLanguage();
  const hasExtension = Date.parse(item.deadline) > Date.parse(edition.submissionDeadline);
  const [value, setValue] = useState<string | null>(hasExtension ? toPicker(item.deadline) : null);
  const [error, setError] = useState<string | null>(null);
  const extend = useMutation({
    mutationFn: (until: string | null) => submissionApi.extend(item.teamId, until),
    onSuccess: (result) => {
      onDone(item.teamId);
      notifications.show({
        color: 'teal',
        message: result.extendedDeadline
          ? t('submissions.organizer.extension.granted', {
              team: item.teamName,
              deadline: format.dateTime(result.deadline),
            })
          : t('submissions.organizer.extension.withdrawn', { team: item.teamName }),
      });
      onClose();
    },
  });

  const grant = () => {
    if (!value) return setError(t('submissions.organizer.extension.required'));
    const until = fromPicker(value);
    const ms = Date.parse(until);
    if (
      !ExtensionSchema.safeParse({ until }).success ||
      !(ms > Date.parse(edition.submissionDeadline) && ms < Date.parse(edition.judgingEndsAt))
    ) {
      return setError(t('submissions.organizer.extension.outOfRange'));
    }
    setError(null);
    extend.mutate(until);
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={<strong>{t('submissions.organizer.extension.title', { team: item.teamName })}</strong>}
    >
      <DatesProvider settings={{ locale: language, firstDayOfWeek: 1 }}>
        <Stack gap="md" data-testid="extension-modal">
          <Text size="sm">
            {t('submissions.organizer.extension.intro', {
              deadline: format.dateTime(edition.submissionDeadline),
              judgingEnds: format.dateTime(edition.judgingEndsAt),
            })}
          </Text>
          <Text size="sm" fw={600}>
            {t('submissions.organizer.extension.current', { deadline: format.dateTime(item.deadline) })}
          </Text>
          <DateTimePicker
            label={t('submissions.organizer.extension.until')}
            description={t('submissions.organizer.extension.untilHint')}
            value={value}
            onChange={(v) => {
              setValue(v);
              setError(null);
            }}
            minDate={toPicker(edition.submissionDeadline)}
            maxDate={toPicker(edition.judgingEndsAt)}
            valueFormat="DD MMM YYYY, HH:mm"
            error={error}
            required
            data-testid="extension-until"
          />
          <Group justify="flex-end" gap="sm">
            {hasExtension && (
              <Button
                variant="outline"
                color="red.9"
                onClick={() => extend.mutate(null)}
                loading={extend.isPending && extend.variables === null}
                data-testid="extension-withdraw"
              >
                {t('submissions.organizer.extension.withdraw')}
              </Button>
            )}
            <Button variant="default" onClick={onClose}>
              {t('submissions.organizer.cancel')}
            </Button>
            <Button
              onClick={grant}
              loading={extend.isPending && extend.variables !== null}
              data-testid="extension-grant"
            >
              {t('submissions.organizer.extension.grant')}
            </Button>
          </Group>
        </Stack>
      </DatesProvider>
    </Modal>
  );
}

function DisqualifyModal({
  item,
  onClose,
  onDone,
}: {
  item: SubmissionListItem;
  onClose: () => void;
  onDone: (teamId: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const disqualify = useMutation({
    mutationFn: (body: { reason: string }) => submissionApi.disqualify(item.id, body.reason),
    onSuccess: () => {
      onDone(item.teamId);
      notifications.show({
        color: 'teal',
        message: t('submissions.organizer.disqualification.done', { team: item.teamName }),
      });
      onClose();
    },
  });
  const confirm = () => {
    const body = DisqualifySchema.safeParse({ reason });
    if (!body.success) return setError(t('submissions.organizer.disqualification.reasonRequired'));
    setError(null);
    disqualify.mutate(body.data);
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={<strong>{t('submissions.organizer.disqualification.title', { team: item.teamName })}</strong>}
    >
      <Stack gap="md" data-testid="disqualify-modal">
        <Text size="sm">{t('submissions.organizer.disqualification.intro')}</Text>
        <Textarea
          label={t('submissions.organizer.disqualification.reason')}
          required
          autosize
          minRows={3}
          maxLength={2000}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          data-autofocus
          data-testid="disqualify-reason"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('submissions.organizer.cancel')}
          </Button>
          <Button
            color="red.9"
            onClick={confirm}
            loading={disqualify.isPending}
            data-testid="disqualify-confirm"
          >
            {t('submissions.organizer.disqualification.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
