import type { Edition } from '@ca/shared';
import { Flex, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';

/** When and where an edition takes place: its registration and hacking dates, and its place. */
export function EditionWhenWhere({ edition: e, testId }: { edition: Edition; testId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Flex wrap="wrap" columnGap="lg" rowGap={4}>
      <Text fw={600} data-testid={`${testId}-dates`}>
        {t('editions.home.dates', {
          registrationFrom: format.date(e.registrationOpensAt),
          registrationTo: format.date(e.registrationClosesAt),
          hackingFrom: format.date(e.hackingStartsAt),
          hackingTo: format.date(e.submissionDeadline),
        })}
      </Text>
      {e.venue.trim() !== '' && (
        <Text fw={600} data-testid={`${testId}-venue`}>
          {t('editions.venue', { venue: e.venue })}
        </Text>
      )}
    </Flex>
  );
}
