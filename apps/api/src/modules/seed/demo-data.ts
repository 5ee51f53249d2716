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
