import type { ChallengeCreate, EditionCreate, TrackCreate } from '@ca/shared';

export const DEMO_EDITION_SLUG = 'challenge-accepted-vi';

const DAY = 86_400_000;

/** The demo edition's timeline, set relative to the first start so that the demo is live. */
export function demoEdition(now: number): EditionCreate {
  const at = (days: number) => new Date(Math.floor((now + days * DAY) / 60_000) * 60_000).toISOString();
  return {
    slug: DEMO_EDITION_SLUG,
    nameI18n: { en: 'Challenge Accepted — VI edition', ro: 'Challenge Accepted — ediția a VI-a' },
    descriptionI18n: {
      en: 'The sixth edition of the regional health-IT hackathon: 48 hours to build something that matters for health, the environment and tourism.',
      ro: 'A șasea ediție a hackathonului regional de IT medical: 48 de ore în care construiți ceva ce contează pentru sănătate, mediu și turism.',
    },
    published: true,
    registrationOpensAt: at(-7),
    registrationClosesAt: at(10),
    hackingStartsAt: at(-1),
    submissionDeadline: at(12),
    judgingEndsAt: at(13),
    leaderboardFreezeAt: null,
    resultsPublishedAt: null,
    teamMinSize: 1,
    teamMaxSize: 5,
    reviewsPerSubmission: 3,
    normalization: 'zscore',
    leaderboardVisibility: 'public',
  };
}

/** The demo's tracks and challenges, in English and Romanian. */
export const DEMO_TRACKS: (TrackCreate & { challenges: ChallengeCreate[] })[] = [
  {
    slug: 'health',
    nameI18n: { en: 'Health', ro: 'Sănătate' },
    descriptionI18n: {
      en: 'Medical and pharmaceutical challenges: patients, clinicians, pharmacies.',
      ro: 'Provocări medicale și farmaceutice: pacienți, medici, farmacii.',
    },
    challenges: [
      {
        titleI18n: { en: 'Medication adherence', ro: 'Aderența la tratament' },
        descriptionI18n: {
          en: 'Help patients with chronic conditions take the right dose at the right time.',
          ro: 'Ajutați pacienții cu boli cronice să ia doza potrivită la momentul potrivit.',
        },
        sponsorI18n: { en: 'Regional Pharmacy Network', ro: 'Rețeaua Regională de Farmacii' },
        prizeI18n: { en: '3,000 EUR', ro: '3.000 EUR' },
      },
      {
        titleI18n: { en: 'Emergency room triage', ro: 'Triajul în camera de gardă' },
        descriptionI18n: {
          en: 'Shorten the wait for the patients who cannot wait.',
          ro: 'Scurtați așteptarea pentru pacienții care nu își permit să aștepte.',
        },
      },
    ],
  },
  {
    slug: 'environment-ecology',
    nameI18n: { en: 'Environment & Ecology', ro: 'Mediu și ecologie' },
    descriptionI18n: {
      en: 'Air, water, waste and biodiversity in the region.',
      ro: 'Aerul, apa, deșeurile și biodiversitatea din regiune.',
    },
    challenges: [
      {
        titleI18n: { en: 'Air quality for everyone', ro: 'Aer curat pentru toți' },
        descriptionI18n: {
          en: 'Turn open sensor data into advice people act on.',
          ro: 'Transformați datele deschise ale senzorilor în sfaturi după care oamenii acționează.',
        },
        sponsorI18n: { en: 'City Hall', ro: 'Primăria' },
        prizeI18n: { en: '2,000 EUR', ro: '2.000 EUR' },
      },
    ],
  },
  {
    slug: 'tourism',
    nameI18n: { en: 'Tourism', ro: 'Turism' },
    descriptionI18n: {
      en: 'Visitors, local heritage and the businesses that host them.',
      ro: 'Vizitatori, patrimoniul local și afacerile care îi găzduiesc.',
    },
    challenges: [
      {
        titleI18n: { en: 'Accessible heritage', ro: 'Patrimoniu accesibil' },
        descriptionI18n: {
          en: 'Make the region’s monuments reachable for visitors with disabilities.',
          ro: 'Faceți monumentele regiunii accesibile vizitatorilor cu dizabilități.',
        },
        sponsorI18n: { en: 'County Tourism Office', ro: 'Oficiul Județean de Turism' },
        prizeI18n: { en: '1,500 EUR', ro: '1.500 EUR' },
      },
    ],
  },
];

export const DEMO_EMAIL_DOMAIN = 'demo.challenge-accepted.ro';

export interface DemoParticipant {
  name: string;
  skills: string[];
  lookingForTeam: boolean;
  /** Shows their email to other participants (consent); off unless set. */
  shareContact?: boolean;
}
export interface DemoTeam {
  /** Slug of the track (DEMO_TRACKS). */
  track: string;
  name: string;
  /** Indexes into DEMO_PARTICIPANTS; the first is the captain. */
  members: number[];
}

/** participantN@demo… / demo-participant-N, N = index + 1. */
export const DEMO_PARTICIPANTS: DemoParticipant[] = [
  { name: 'Ana Popescu', skills: ['React', 'TypeScript', 'UX'], lookingForTeam: false },
  { name: 'Mihai Ionescu', skills: ['Python', 'Machine learning'], lookingForTeam: false },
  { name: 'Ioana Dumitrescu', skills: ['Pharmacy', 'Product'], lookingForTeam: false },
  { name: 'Andrei Stan', skills: ['Go', 'PostgreSQL', 'DevOps'], lookingForTeam: false },
  { name: 'Elena Marin', skills: ['Medicine', 'Research'], lookingForTeam: false },
  { name: 'Radu Georgescu', skills: ['Flutter', 'Kotlin'], lookingForTeam: false },
  { name: 'Maria Constantin', skills: ['Design', 'Figma'], lookingForTeam: false },
  { name: 'Vlad Munteanu', skills: ['Node.js', 'IoT'], lookingForTeam: false },
  { name: 'Cristina Tudor', skills: ['Data science', 'R'], lookingForTeam: false },
  { name: 'Alexandru Rusu', skills: ['Java', 'Spring'], lookingForTeam: false },
  { name: 'Diana Neagu', skills: ['GIS', 'Python'], lookingForTeam: false },
  { name: 'Bogdan Lazăr', skills: ['Marketing', 'Video'], lookingForTeam: false },
  { name: 'Simona Barbu', skills: ['Vue', 'CSS', 'Accessibility'], lookingForTeam: false },
  { name: 'Paul Dobre', skills: ['Swift', 'iOS'], lookingForTeam: false },
  { name: 'Raluca Ene', skills: ['History', 'Storytelling'], lookingForTeam: false },
  { name: 'Sorin Matei', skills: ['React Native', 'Firebase'], lookingForTeam: false },
  { name: 'Teodora Vasile', skills: ['Nursing', 'UX research'], lookingForTeam: true, shareContact: true },
  { name: 'Gabriel Preda', skills: ['Rust', 'Embedded'], lookingForTeam: true },
  { name: 'Irina Moldovan', skills: ['TypeScript', 'Angular'], lookingForTeam: true },
  { name: 'Florin Sandu', skills: ['Economics', 'Pitching'], lookingForTeam: true },
];

export const DEMO_TEAMS: DemoTeam[] = [
  { track: 'health', name: 'Pill Pals', members: [0, 1, 2] },
  { track: 'health', name: 'Triage Tigers', members: [3, 4] },
  { track: 'health', name: 'Heartbeat Hackers', members: [5, 6] },
  { track: 'environment-ecology', name: 'Clean Air Crew', members: [7, 8, 9] },
  { track: 'environment-ecology', name: 'River Keepers', members: [10, 11] },
  { track: 'tourism', name: 'Open Heritage', members: [12, 13] },
  { track: 'tourism', name: 'Roam Romania', members: [14, 15] },
];
