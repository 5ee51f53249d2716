import type { Criterion } from '@ca/shared';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function CriteriaList({ criteria }: { criteria: Criterion[] }) {
  const { t } = useTranslation();
  const ordered = [...criteria].sort((a, b) => a.order - b.order);
  return (
    <Stack component="ol" gap="sm" className="plain-list" data-testid="criteria">
      {ordered.map((c) => (
        <li key={c.id}>
          <Text fw={700}>{c.name}</Text>
          {c.description && <Text size="sm">{c.description}</Text>}
          <Text size="sm" c="dimmed">
            {t('editions.criteria.scale', { min: c.min, max: c.max, weight: c.weight })}
          </Text>
        </li>
      ))}
    </Stack>
  );
}
