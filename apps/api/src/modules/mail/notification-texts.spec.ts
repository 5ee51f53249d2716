import { MailKindSchema, type Language } from '@ca/shared';
import { noticeText, type NoticeKind } from './notification-texts';

const KINDS = MailKindSchema.options.filter(
  (k): k is NoticeKind => k !== 'password_reset' && k !== 'jury_invitation',
);
const facts = (requestKind: 'request' | 'invitation', answer?: 'accepted' | 'declined') => ({
  name: 'Ana',
  edition: 'Hack',
  team: 'Nord',
  other: 'Radu',
  requestKind,
  answer,
  link: 'https://example.test/x',
  deadline: 'mâine',
});
const all = (lang: Language) =>
  KINDS.flatMap((kind) =>
    (
      [
        ['request', undefined],
        ['invitation', undefined],
        ['request', 'accepted'],
        ['invitation', 'declined'],
      ] as const
    ).map(([k, a]) => noticeText(kind, lang, facts(k, a), true)),
  );

describe('notification texts', () => {
  it('has a subject and a text in both languages for every kind, greeting the reader and linking', () => {
    for (const lang of ['en', 'ro'] as const)
      for (const m of all(lang)) {
        expect(m.subject.length).toBeGreaterThan(5);
        expect(m.text).toContain('Ana');
        expect(m.text).toContain('https://example.test/x');
      }
  });

  it('writes Romanian with comma-below ș ț and the formal dumneavoastră (never tu)', () => {
    const ro = all('ro')
      .map((m) => `${m.subject}\n${m.text}`)
      .join('\n');
    expect(ro).not.toMatch(/[şţŞŢ]/);
    expect(ro).toMatch(/[șț]/);
    expect(ro).not.toMatch(/(?<![\p{L}])(tu|te|ți|tău|ta|tale|tine|ești|poți|vrei)(?![\p{L}])/iu);
    expect(ro).toMatch(/dumneavoastră/);
  });
});
