import { TERMS_VERSION } from '@ca/shared';
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AuthShell } from '../components/auth-shell';

const SECTIONS = ['use', 'data', 'rights', 'retention'] as const;

/** `/terms`: the terms and privacy notice that sign-up accepts (version TERMS_VERSION). */
export function TermsPage() {
  const { t } = useTranslation();
  return (
    <AuthShell
      title={t('auth.terms.title')}
      intro={t('auth.terms.intro')}
      footer={
        <Anchor component={Link} to="/signup" fw={600}>
          {t('auth.terms.back')}
        </Anchor>
      }
    >
      <Stack gap="md" data-testid="terms">
        <Text size="sm" c="dimmed">
          {t('auth.terms.version', { version: TERMS_VERSION })}
        </Text>
        {SECTIONS.map((s) => (
          <Stack key={s} gap={4}>
            <Title order={2} size="h4">
              {t(`auth.terms.${s}Title`)}
            </Title>
            <Text>{t(`auth.terms.${s}`)}</Text>
          </Stack>
        ))}
      </Stack>
    </AuthShell>
  );
}
