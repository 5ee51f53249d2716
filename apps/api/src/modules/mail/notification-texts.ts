import type { Language, MailKind } from '@ca/shared';

/** What a notification's text is made of (each field already in the reader's language). */
export interface NoticeFacts {
  /** The addressee's name. */
  name: string;
  edition: string;
  team?: string;
  /** The other side of a join request: the person asking, or the team inviting. */
  other?: string;
  requestKind?: 'request' | 'invitation';
  answer?: 'accepted' | 'declined';
  /** A link into the web app. */
  link: string;
  /** The deadline, written for the reader (Romania's time zone). */
  deadline?: string;
}

type NoticeKind = Exclude<MailKind, 'password_reset' | 'jury_invitation'>;
type Texts = Record<NoticeKind, (f: NoticeFacts) => { subject: string; lines: string[] }>;

const EN: Texts = {
  join_request: (f) =>
    f.requestKind === 'invitation'
      ? {
          subject: `${f.team} invites you to join them (${f.edition})`,
          lines: [`The team ${f.team} invites you to join them in ${f.edition}.`, `Answer here: ${f.link}`],
        }
      : {
          subject: `${f.other} asks to join ${f.team} (${f.edition})`,
          lines: [`${f.other} asks to join your team ${f.team} in ${f.edition}.`, `Answer here: ${f.link}`],
        },
  join_request_answer: (f) => {
    const verb = f.answer === 'accepted' ? 'accepted' : 'declined';
    return f.requestKind === 'invitation'
      ? {
          subject: `${f.other} ${verb} the invitation to ${f.team}`,
          lines: [`${f.other} ${verb} your team's invitation to join ${f.team} (${f.edition}).`, f.link],
        }
      : {
          subject: `Your request to join ${f.team} was ${verb}`,
          lines: [`The team ${f.team} ${verb} your request to join them in ${f.edition}.`, f.link],
        };
  },
  assignments_ready: (f) => ({
    subject: `Your projects to judge in ${f.edition} are ready`,
    lines: [
      `The projects you are to judge in ${f.edition} have been assigned to you.`,
      `Start here: ${f.link}`,
    ],
  }),
  deadline_reminder_24h: (f) => ({
    subject: `24 hours left to submit ${f.team}'s project (${f.edition})`,
    lines: [
      `The project of your team ${f.team} is still a draft. The submission deadline is ${f.deadline}.`,
      `Submit it here: ${f.link}`,
    ],
  }),
  deadline_reminder_1h: (f) => ({
    subject: `1 hour left to submit ${f.team}'s project (${f.edition})`,
    lines: [
      `The project of your team ${f.team} is still a draft. The submission deadline is ${f.deadline}.`,
      `Submit it here: ${f.link}`,
    ],
  }),
  results_published: (f) => ({
    subject: `The results of ${f.edition} are published`,
    lines: [`The results of ${f.edition} are out.`, `See them here: ${f.link}`],
  }),
};

const RO: Texts = {
  join_request: (f) =>
    f.requestKind === 'invitation'
      ? {
          subject: `Echipa ${f.team} vă invită în echipă (${f.edition})`,
          lines: [
            `Echipa ${f.team} vă invită să faceți parte din ea la ${f.edition}.`,
            `Răspundeți aici: ${f.link}`,
          ],
        }
      : {
          subject: `${f.other} cere să se alăture echipei ${f.team} (${f.edition})`,
          lines: [
            `${f.other} cere să se alăture echipei dumneavoastră, ${f.team}, la ${f.edition}.`,
            `Răspundeți aici: ${f.link}`,
          ],
        },
  join_request_answer: (f) => {
    const accepted = f.answer === 'accepted';
    return f.requestKind === 'invitation'
      ? {
          subject: `${f.other} a ${accepted ? 'acceptat' : 'refuzat'} invitația în echipa ${f.team}`,
          lines: [
            `${f.other} a ${accepted ? 'acceptat' : 'refuzat'} invitația echipei dumneavoastră, ${f.team} (${f.edition}).`,
            f.link,
          ],
        }
      : {
          subject: `Cererea dumneavoastră de a vă alătura echipei ${f.team} a fost ${accepted ? 'acceptată' : 'refuzată'}`,
          lines: [
            `Echipa ${f.team} v-a ${accepted ? 'acceptat' : 'refuzat'} cererea de a vă alătura la ${f.edition}.`,
            f.link,
          ],
        };
  },
  assignments_ready: (f) => ({
    subject: `Proiectele pe care le jurizați la ${f.edition} sunt gata`,
    lines: [
      `V-au fost repartizate proiectele pe care le veți juriza la ${f.edition}.`,
      `Începeți aici: ${f.link}`,
    ],
  }),
  deadline_reminder_24h: (f) => ({
    subject: `Mai sunt 24 de ore pentru a trimite proiectul echipei ${f.team} (${f.edition})`,
    lines: [
      `Proiectul echipei dumneavoastră, ${f.team}, este încă o ciornă. Termenul de trimitere este ${f.deadline}.`,
      `Trimiteți-l aici: ${f.link}`,
    ],
  }),
  deadline_reminder_1h: (f) => ({
    subject: `Mai este o oră pentru a trimite proiectul echipei ${f.team} (${f.edition})`,
    lines: [
      `Proiectul echipei dumneavoastră, ${f.team}, este încă o ciornă. Termenul de trimitere este ${f.deadline}.`,
      `Trimiteți-l aici: ${f.link}`,
    ],
  }),
  results_published: (f) => ({
    subject: `Rezultatele ${f.edition} au fost publicate`,
    lines: [`Rezultatele ${f.edition} sunt gata.`, `Le puteți vedea aici: ${f.link}`],
  }),
};

const GREETING: Record<Language, (name: string) => string> = {
  en: (name) => `Hello ${name},`,
  ro: (name) => `Bună ziua, ${name},`,
};
const FOOTER: Record<Language, string> = {
  en: 'You can turn this kind of mail off in your account settings.',
  ro: 'Puteți opri acest fel de mesaje din setările contului dumneavoastră.',
};

/** A notification's subject and text in `lang`; `optional` adds how to turn it off. */
export function noticeText(
  kind: NoticeKind,
  lang: Language,
  facts: NoticeFacts,
  optional: boolean,
): { subject: string; text: string } {
  const { subject, lines } = (lang === 'ro' ? RO : EN)[kind](facts);
  const text = [GREETING[lang](facts.name), '', ...lines, ...(optional ? ['', FOOTER[lang]] : [])].join('\n');
  return { subject, text };
}

/** A deadline for the reader: their language, Romania's time zone. */
export function formatDeadline(at: Date, lang: Language): string {
  return new Intl.DateTimeFormat(lang === 'ro' ? 'ro-RO' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Bucharest',
    timeZoneName: 'short',
  }).format(at);
}

export type { NoticeKind };
