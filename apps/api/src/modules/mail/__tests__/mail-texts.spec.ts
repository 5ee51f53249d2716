import { bothLanguages, juryInvitationTexts, passwordResetTexts } from '../mail-texts';

const invitation = juryInvitationTexts({
  edition: 'Challenge Accepted VI',
  inviter: 'Ana Popescu',
  tracks: ['Sănătate', 'Turism'],
  days: 14,
  link: 'https://ca.example.test/jury/accept?token=abc',
});
const reset = passwordResetTexts({
  name: 'Ștefan Țurcanu',
  link: 'https://ca.example.test/reset-password?token=xyz',
});

describe('mail texts', () => {
  it.each([
    ['the jury invitation', invitation, 'https://ca.example.test/jury/accept?token=abc'],
    ['the password reset', reset, 'https://ca.example.test/reset-password?token=xyz'],
  ])('%s is written in English and in Romanian, each with the link', (_, texts, link) => {
    for (const language of ['en', 'ro'] as const) {
      expect(texts[language].subject.trim()).not.toBe('');
      expect(texts[language].text).toContain(link);
    }
    expect(texts.ro.text).not.toBe(texts.en.text);
    expect(texts.ro.subject).not.toBe(texts.en.subject);
  });

  it('writes Romanian with comma-below ș ț, diacritics and the formal register', () => {
    const ro = [invitation.ro, reset.ro].map((m) => `${m.subject}\n${m.text}`).join('\n');
    expect(ro).not.toMatch(/[\u015e\u015f\u0162\u0163]/);
    expect(ro).toMatch(/[ăâîșț]/);
    expect(ro).toMatch(/dumneavoastră|vă /);
    expect(ro).not.toMatch(/(?<!\p{L})(tu|te|ta|tău|tale|ești|poți)(?!\p{L})/iu);
  });

  it('puts both languages in one mail for a reader whose language is unknown', () => {
    const mail = bothLanguages(invitation);
    expect(mail.subject).toBe(
      'You are invited to the jury of Challenge Accepted VI · Vă invităm în juriul Challenge Accepted VI',
    );
    expect(mail.text.indexOf(invitation.en.text)).toBe(0);
    expect(mail.text).toContain(`— Română —\n\n${invitation.ro.text}`);
  });
});
