import { SUBMISSION_DESCRIPTION_MIN_LENGTH, type SubmissionChecklist } from '@ca/shared';
import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** What the project has and lacks; items the edition requires are marked so. */
export function SubmissionChecklistView({ checklist }: { checklist: SubmissionChecklist }) {
  const { t } = useTranslation();
  return (
    <Stack component="ul" gap={6} className="plain-list" data-testid="submission-checklist">
      {checklist.items.map((item) => (
        <Group
          component="li"
          key={item.key}
          gap="sm"
          wrap="nowrap"
          align="flex-start"
          data-testid="checklist-item"
          data-done={item.done}
          data-required={item.required}
        >
          <ThemeIcon
            size="sm"
            radius="xl"
            mt={2}
            variant={item.done ? 'filled' : 'outline'}
            color={item.done ? 'teal.9' : item.required ? 'red.9' : 'gray.7'}
            aria-hidden="true"
          >
            {item.done ? '✓' : '!'}
          </ThemeIcon>
          <Text size="sm">
            {t(`submissions.checklist.items.${item.key}`, { count: SUBMISSION_DESCRIPTION_MIN_LENGTH })}
            {' — '}
            <Text span fw={600} c={item.done ? 'teal.9' : item.required ? 'red.9' : 'gray.8'}>
              {item.done ? t('submissions.checklist.done') : t('submissions.checklist.missing')}
            </Text>
            {item.required && !item.done && ` (${t('submissions.checklist.required')})`}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
