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
    venueI18n: { en: 'Iași, Palas Campus', ro: 'Iași, Campusul Palas' },
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
    shareJurorComments: false,
    personalDataRetentionUntil: null,
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

export interface DemoProject {
  title: string;
  tagline: string;
  description: string;
  repoUrl: string;
  demoUrl: string;
  techTags: string[];
  /** Submitted before the deadline; a draft otherwise (and then not judged). */
  submitted: boolean;
}

/** The demo teams' projects, by team name. */
export const DEMO_PROJECTS: Record<string, DemoProject> = {
  'Pill Pals': {
    title: 'Pill Pal',
    tagline: 'Never miss a dose again',
    description:
      '# Pill Pal\n\nReminders that adapt to the patient’s day, and a weekly report for the pharmacist.',
    repoUrl: 'https://github.com/example/pill-pal',
    demoUrl: 'https://pill-pal.example.com',
    techTags: ['React Native', 'Firebase'],
    submitted: true,
  },
  'Triage Tigers': {
    title: 'TriageFlow',
    tagline: 'The right patient first',
    description: 'A tablet check-in for emergency rooms that scores urgency from symptoms and vital signs.',
    repoUrl: 'https://github.com/example/triageflow',
    demoUrl: '',
    techTags: ['Go', 'PostgreSQL'],
    submitted: true,
  },
  'Heartbeat Hackers': {
    title: 'Pulse at Home',
    tagline: 'Cardiac rehab from the living room',
    description: 'Guided exercises with a wearable; the clinic sees progress without a visit.',
    repoUrl: 'https://github.com/example/pulse-at-home',
    demoUrl: '',
    techTags: ['Flutter', 'Kotlin', 'BLE'],
    submitted: true,
  },
  'Clean Air Crew': {
    title: 'AirNow Iași',
    tagline: 'Open sensor data people act on',
    description: 'Neighbourhood air quality with advice for runners, parents and people with asthma.',
    repoUrl: 'https://github.com/example/airnow',
    demoUrl: 'https://airnow.example.com',
    techTags: ['Node.js', 'IoT', 'Maps'],
    submitted: true,
  },
  'River Keepers': {
    title: 'Bahlui Watch',
    tagline: 'Citizens map river pollution',
    description: 'Photo reports with location, verified by volunteers and sent to the water authority.',
    repoUrl: 'https://github.com/example/bahlui-watch',
    demoUrl: '',
    techTags: ['Python', 'GIS'],
    submitted: true,
  },
  'Open Heritage': {
    title: 'Step-Free Heritage',
    tagline: 'Monuments for every visitor',
    description: 'Accessible routes through the old town, with audio descriptions in Romanian and English.',
    repoUrl: 'https://github.com/example/step-free-heritage',
    demoUrl: 'https://heritage.example.com',
    techTags: ['Vue', 'Accessibility'],
    submitted: true,
  },
  'Roam Romania': {
    title: 'Roam',
    tagline: 'Local hosts, local stories',
    description: 'Still a draft: a marketplace for village guest houses.',
    repoUrl: '',
    demoUrl: '',
    techTags: ['React Native'],
    submitted: false,
  },
};

/** Guidance for the default criteria (shown beside each control on the juror's screen). */
export const DEMO_CRITERIA_LEVELS: Record<string, { from: number; to: number; en: string; ro: string }[]> = {
  Innovation: [
    { from: 1, to: 3, en: 'A known idea, little that is new', ro: 'O idee cunoscută, puțin nou' },
    {
      from: 4,
      to: 7,
      en: 'A fresh angle on a known problem',
      ro: 'O perspectivă nouă asupra unei probleme cunoscute',
    },
    { from: 8, to: 10, en: 'Nothing like it in the region', ro: 'Nimic asemănător în regiune' },
  ],
  Impact: [
    { from: 1, to: 3, en: 'Helps few people, a little', ro: 'Ajută puțini oameni, puțin' },
    {
      from: 4,
      to: 7,
      en: 'A clear benefit for a defined group',
      ro: 'Un beneficiu clar pentru un grup definit',
    },
    { from: 8, to: 10, en: 'A large, measurable benefit', ro: 'Un beneficiu mare, măsurabil' },
  ],
  'Technical execution': [
    { from: 1, to: 3, en: 'Idea or mock-up only', ro: 'Doar o idee sau o machetă' },
    { from: 4, to: 7, en: 'A working prototype', ro: 'Un prototip funcțional' },
    { from: 8, to: 10, en: 'Ready for users', ro: 'Gata pentru utilizatori' },
  ],
  Presentation: [
    { from: 1, to: 3, en: 'Hard to follow', ro: 'Greu de urmărit' },
    { from: 4, to: 7, en: 'Clear, with a demo', ro: 'Clară, cu o demonstrație' },
    {
      from: 8,
      to: 10,
      en: 'Convincing, and honest about its limits',
      ro: 'Convingătoare și onestă privind limitele',
    },
  ],
};

const HOUR = 3_600_000;

/**
 * The timeline the seed moves the demo edition to once teams have submitted (through
 * EditionsService, as an organizer would): the submission deadline just passed (every demo project
 * was submitted before it), judging open for three more days, so that a first start shows
 * judging in progress.
 */
export function demoJudgingTimeline(now: number) {
  const at = (ms: number) => new Date(Math.floor((now + ms) / 60_000) * 60_000).toISOString();
  return {
    registrationOpensAt: at(-9 * DAY),
    registrationClosesAt: at(-3 * DAY),
    hackingStartsAt: at(-2 * DAY),
    submissionDeadline: new Date(now - 1000).toISOString(),
    judgingEndsAt: at(3 * DAY + HOUR),
  };
}
