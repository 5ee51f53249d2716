import type { ChallengeCreate, EditionCreate, TrackCreate } from '@ca/shared';

export const DEMO_EDITION_SLUG = 'challenge-accepted-vi';

const DAY = 86_400_000;

/** The demo edition's timeline, set relative to the first start so that the demo is live. */
export function demoEdition(now: number): EditionCreate {
  const at = (days: number) => new Date(Math.floor((now + days * DAY) / 60_000) * 60_000).toISOString();
  return {
    slug: DEMO_EDITION_SLUG,
    name: 'Challenge Accepted — VI edition',
    description:
      'The sixth edition of the regional health-IT hackathon: 48 hours to build something that matters for health, the environment and tourism.',
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
  };
}

export const DEMO_TRACKS: (TrackCreate & { challenges: ChallengeCreate[] })[] = [
  {
    slug: 'health',
    name: 'Health',
    description: 'Medical and pharmaceutical challenges: patients, clinicians, pharmacies.',
    challenges: [
      {
        title: 'Medication adherence',
        description: 'Help patients with chronic conditions take the right dose at the right time.',
        sponsor: 'Regional Pharmacy Network',
        prize: '3,000 EUR',
      },
      {
        title: 'Emergency room triage',
        description: 'Shorten the wait for the patients who cannot wait.',
        sponsor: null,
        prize: null,
      },
    ],
  },
  {
    slug: 'environment-ecology',
    name: 'Environment & Ecology',
    description: 'Air, water, waste and biodiversity in the region.',
    challenges: [
      {
        title: 'Air quality for everyone',
        description: 'Turn open sensor data into advice people act on.',
        sponsor: 'City Hall',
        prize: '2,000 EUR',
      },
    ],
  },
  {
    slug: 'tourism',
    name: 'Tourism',
    description: 'Visitors, local heritage and the businesses that host them.',
    challenges: [
      {
        title: 'Accessible heritage',
        description: 'Make the region’s monuments reachable for visitors with disabilities.',
        sponsor: 'County Tourism Office',
        prize: '1,500 EUR',
      },
    ],
  },
];

export const DEMO_EMAIL_DOMAIN = 'demo.challenge-accepted.ro';

export interface DemoParticipant {
  name: string;
  skills: string[];
  lookingForTeam: boolean;
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
  { name: 'Teodora Vasile', skills: ['Nursing', 'UX research'], lookingForTeam: true },
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
