import type { SubmissionListItem } from '@ca/shared';
import { Badge, Button, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { DataList, type Column } from '../../../../components/data-list';
import { useFormat } from '../../../../lib/format';
import type { TimedEdition } from '../../../editions/queries';
import { useReinstate } from '../../mutations';
import { badgeStatusOf, SubmissionStatusBadge } from '../submission-status-badge';

export type SubmissionAction = 'view' | 'extend' | 'disqualify';

/** The submissions as a table on wide screens and as cards on a phone, each with its actions. */
export function SubmissionsList({
  edition,
  items,
  trackNames,
  onAction,
}: {
  edition: TimedEdition;
  items: SubmissionListItem[];
  trackNames: Map<string, string>;
  onAction: (action: SubmissionAction, item: SubmissionListItem) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const reinstate = useReinstate(edition.id);
  const time = (iso: string) => (
    <Text size="sm" component="span">
      <time dateTime={iso}>{format.dateTime(iso)}</time>
    </Text>
  );

  const columns: Column<SubmissionListItem>[] = [
    { key: 'team', header: t('submissions.organizer.columns.team'), cell: (item) => item.teamName },
    {
      key: 'project',
      header: t('submissions.organizer.columns.project'),
      cell: (item) => (
        <>
          <Text fw={600} size="sm">
            {item.title || t('submissions.content.noTitle')}
          </Text>
          {item.tagline && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {item.tagline}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'track',
      header: t('submissions.organizer.columns.track'),
      cell: (item) => trackNames.get(item.trackId) ?? '—',
    },
    {
      key: 'status',
      header: t('submissions.organizer.columns.status'),
      cell: (item) => <SubmissionStatusBadge status={badgeStatusOf(item)} size="sm" />,
    },
    {
      key: 'updated',
      header: t('submissions.organizer.columns.updated'),
      cell: (item) => time(item.updatedAt),
    },
    {
      key: 'deadline',
      header: t('submissions.organizer.columns.deadline'),
      cell: (item) => (
        <>
          {time(item.deadline)}
          {Date.parse(item.deadline) > Date.parse(edition.submissionDeadline) && (
            <Badge size="sm" color="indigo.8" variant="filled" ml={6}>
              {t('submissions.organizer.extendedBadge')}
            </Badge>
          )}
        </>
      ),
    },
  ];

  const actions = (item: SubmissionListItem) => {
    // Each button says which team it is about, for screen readers going from button to button.
    const hidden = <VisuallyHidden> · {item.teamName}</VisuallyHidden>;
    return (
      <>
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => onAction('view', item)}
          data-testid="row-view"
        >
          {t('submissions.organizer.view')}
          {hidden}
        </Button>
        <Button
          size="compact-sm"
          variant="outline"
          onClick={() => onAction('extend', item)}
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
            onClick={() =>
              reinstate.mutate(item, {
                onSuccess: () =>
                  notifications.show({
                    color: 'teal',
                    message: t('submissions.organizer.disqualification.reinstated', { team: item.teamName }),
                  }),
              })
            }
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
            onClick={() => onAction('disqualify', item)}
            data-testid="row-disqualify"
          >
            {t('submissions.organizer.disqualify')}
            {hidden}
          </Button>
        )}
      </>
    );
  };

  return (
    <DataList
      rows={items}
      rowKey={(item) => item.id}
      columns={columns}
      actions={actions}
      actionsHeader={t('submissions.organizer.columns.actions')}
      caption={t('submissions.organizer.count', { count: items.length })}
      testId="submissions-table"
      rowTestId="submission-row"
      minWidth={960}
    />
  );
}
