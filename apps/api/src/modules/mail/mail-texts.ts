import type { Language } from '@ca/shared';

/** A mail's subject and plain-text body in one language. */
export interface MailText {
  subject: string;
  text: string;
}

/**
 * One mail in both languages, for a reader whose language the API does not know (an invitee with
 * no account yet, a reset asked for without a session): the subjects joined, the bodies one after
 * the other, English first (the way the API answers without `Accept-Language`).
 */
export function bothLanguages(texts: Record<Language, MailText>): MailText {
  return {
    subject: `${texts.en.subject} · ${texts.ro.subject}`,
    text: [texts.en.text, '', '— Română —', '', texts.ro.text].join('\n'),
  };
}

/** The jury invitation (`tracks` may be empty: the whole edition). */
export function juryInvitationTexts(p: {
  edition: string;
  inviter: string;
  tracks: string[];
  days: number;
  link: string;
}): Record<Language, MailText> {
  const tracks = p.tracks.length ? ` (${p.tracks.join(', ')})` : '';
  return {
    en: {
      subject: `You are invited to the jury of ${p.edition}`,
      text: [
        'Hello,',
        '',
        `${p.inviter} invites you to judge the projects of ${p.edition}${tracks}.`,
        `Sign in or create an account, then accept here within ${p.days} days: ${p.link}`,
      ].join('\n'),
    },
    ro: {
      subject: `Vă invităm în juriul ${p.edition}`,
      text: [
        'Bună ziua,',
        '',
        `${p.inviter} vă invită să jurizați proiectele ediției ${p.edition}${tracks}.`,
        `Autentificați-vă sau creați un cont, apoi acceptați invitația aici, în cel mult ${p.days} zile: ${p.link}`,
      ].join('\n'),
    },
  };
}

/** The password reset link (valid for an hour). */
export function passwordResetTexts(p: { name: string; link: string }): Record<Language, MailText> {
  return {
    en: {
      subject: 'Reset your Challenge Accepted password',
      text: [
        `Hello ${p.name},`,
        '',
        'Someone (hopefully you) asked to reset the password of your Challenge Accepted account.',
        `Choose a new password here within the hour: ${p.link}`,
        '',
        'If it was not you, ignore this mail: your password stays as it is.',
      ].join('\n'),
    },
    ro: {
      subject: 'Resetarea parolei Challenge Accepted',
      text: [
        `Bună ziua, ${p.name},`,
        '',
        'Cineva (sperăm că dumneavoastră) a cerut resetarea parolei contului dumneavoastră Challenge Accepted.',
        `Alegeți o parolă nouă aici, în cel mult o oră: ${p.link}`,
        '',
        'Dacă nu ați cerut-o dumneavoastră, ignorați acest mesaj: parola rămâne neschimbată.',
      ].join('\n'),
    },
  };
}
