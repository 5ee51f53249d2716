import type { SubmissionListItem } from '@ca/shared';
import { Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contentOf } from '../../content';
import { SubmissionContentView } from '../submission-content-view';
import { badgeStatusOf, SubmissionStatusBadge } from '../submission-status-badge';

/** A project as organizers read it: status, the disqualification reason if any, and its content. */
export function SubmissionViewModal({
  item,
  trackName,
  challengeTitles,
  onClose,
}: {
  item: SubmissionListItem;
  trackName: string | undefined;
  challengeTitles: Map<string, string>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={
        <strong>
          {t('submissions.organizer.viewTitle', {
            title: item.title || t('submissions.content.noTitle'),
            team: item.teamName,
          })}
        </strong>
      }
    >
      <Stack gap="md" data-testid="organizer-view">
        <Group gap="xs">
          <SubmissionStatusBadge status={badgeStatusOf(item)} />
        </Group>
        {item.disqualifiedReason && (
          <Text size="sm" c="red.9">
            {t('submissions.readOnly.disqualified', { reason: item.disqualifiedReason })}
          </Text>
        )}
        <SubmissionContentView
          content={contentOf(item)}
          challengeTitles={challengeTitles}
          trackName={trackName}
          headingLevel={2}
          descriptionTestId="organizer-description"
        />
      </Stack>
    </Modal>
  );
}
