import 'dayjs/locale/ro';
import { DatesProvider } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useLanguage } from '../lib/i18n';

/** Date pickers in the UI language (month and day names, Monday first as in Romania and the UK). */
export function DatesLocale({ children }: { children: ReactNode }) {
  const language = useLanguage();
  return <DatesProvider settings={{ locale: language, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}
