import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { AnnouncementCreateSchema, type Announcement } from '@ca/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error';
import { useFormat } from '../../../lib/format';
import { useDeleteAnnouncement, useEditAnnouncement, usePostAnnouncement } from '../mutations';
import { liveQueries } from '../queries';

function AnnouncementItem({ editionId, a }: { editionId: string; a: Announcement }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState<string | null>(null);
  const edit = useEditAnnouncement(editionId);
  const remove = useDeleteAnnouncement(editionId);
  return (
    <Card withBorder padding="sm" data-testid="announcement-item">
      {editing === null ? (
        <Stack gap={4}>
          <Text>{a.message}</Text>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {format.dateTime(a.createdAt)}
              {a.updatedAt !== a.createdAt ? ` · ${t('live.announcements.edited')}` : ''}
            </Text>
            <Group gap="xs">
              <Button size="xs" variant="subtle" onClick={() => setEditing(a.message)}>
                {t('live.announcements.edit')}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color="red.9"
                loading={remove.isPending}
                onClick={() => {
                  if (window.confirm(t('live.announcements.confirmDelete'))) remove.mutate(a.id);
                }}
              >
                {t('live.announcements.delete')}
              </Button>
            </Group>
          </Group>
        </Stack>
      ) : (
        <Stack gap="xs">
          <Textarea
            label={t('live.announcements.message')}
            value={editing}
            onChange={(e) => setEditing(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <Group gap="xs">
            <Button
              size="xs"
              loading={edit.isPending}
              disabled={!AnnouncementCreateSchema.safeParse({ message: editing }).success}
              onClick={() =>
                edit.mutate({ id: a.id, message: editing }, { onSuccess: () => setEditing(null) })
              }
            >
              {t('live.announcements.save')}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setEditing(null)}>
              {t('live.announcements.cancel')}
            </Button>
          </Group>
          <FormError error={edit.error} />
        </Stack>
      )}
    </Card>
  );
}

/** Post an announcement to every screen; the latest ones, newest first, editable and deletable. */
export function AnnouncementsPanel({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const post = usePostAnnouncement(editionId);
  const list = useInfiniteQuery(liveQueries.announcements(editionId));
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const valid = AnnouncementCreateSchema.safeParse({ message }).success;
  return (
    <Card withBorder padding="lg" data-testid="live-announcements">
      <Stack gap="sm">
        <Title order={3}>{t('live.announcements.title')}</Title>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) post.mutate({ message }, { onSuccess: () => setMessage('') });
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t('live.announcements.message')}
              value={message}
              onChange={(e) => setMessage(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={2000}
              data-testid="announcement-input"
            />
            <Group>
              <Button
                type="submit"
                disabled={!valid}
                loading={post.isPending}
                data-testid="announcement-post"
              >
                {t('live.announcements.post')}
              </Button>
            </Group>
            <FormError error={post.error} />
          </Stack>
        </form>
        {items.length === 0 && !list.isPending && <Text c="dimmed">{t('live.announcements.empty')}</Text>}
        {items.map((a) => (
          <AnnouncementItem key={a.id} editionId={editionId} a={a} />
        ))}
        {list.hasNextPage && (
          <Button
            variant="subtle"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            {t('live.announcements.more')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
