import { DEFAULT_CRITERIA, type Challenge, type Edition, type LocalizedText, type Track } from '@ca/shared';

const DAY = 86_400_000;
const en = (text: string | null): LocalizedText => ({ en: text ?? '', ro: '' });

type PlainChallenge = Omit<Challenge, 'titleI18n' | 'descriptionI18n' | 'sponsorI18n' | 'prizeI18n'>;
type PlainTrack = Omit<Track, 'nameI18n' | 'descriptionI18n' | 'challenges'> & {
  challenges: PlainChallenge[];
};

/** Tracks written in English only, as the API answers them (the `…I18n` fields beside). */
const inEnglish = (tracks: PlainTrack[]): Track[] =>
  tracks.map((t) => ({
    ...t,
    nameI18n: en(t.name),
    descriptionI18n: en(t.description),
    challenges: t.challenges.map((c) => ({
      ...c,
      titleI18n: en(c.title),
      descriptionI18n: en(c.description),
      sponsorI18n: en(c.sponsor),
      prizeI18n: en(c.prize),
    })),
  }));
const HOUR = 3_600_000;

/**
 * The demo edition as the API answers it, with its timeline placed around `serverNow`:
 * registration open since a week, hacking since a day, the deadline in 1 day 2 hours.
 */
export function demoEdition(serverNow: number, overrides: Partial<Edition> = {}): Edition {
  const at = (ms: number) => new Date(serverNow + ms).toISOString();
  const editionId = '7d3f1c2a-5b6e-4f70-8a91-b2c3d4e5f601';
  return {
    id: editionId,
    slug: 'challenge-accepted-vi',
    name: 'Challenge Accepted — VI edition',
    nameI18n: en('Challenge Accepted — VI edition'),
    description:
      'The sixth edition of the regional health-IT hackathon: 48 hours to build something that matters for health, the environment and tourism.',
    descriptionI18n: en(
      'The sixth edition of the regional health-IT hackathon: 48 hours to build something that matters for health, the environment and tourism.',
    ),
    venue: 'Iași, Palas Campus',
    venueI18n: { en: 'Iași, Palas Campus', ro: 'Iași, Campusul Palas' },
    submissionRequirements: {
      description: false,
      repoUrl: false,
      demoUrl: false,
      videoUrl: false,
      challenge: false,
    },
    resultsPublished: false,
    published: true,
    registrationOpensAt: at(-7 * DAY),
    registrationClosesAt: at(10 * HOUR),
    hackingStartsAt: at(-1 * DAY),
    submissionDeadline: at(DAY + 2 * HOUR),
    judgingEndsAt: at(3 * DAY),
    leaderboardFreezeAt: null,
    resultsPublishedAt: null,
    teamMinSize: 1,
    teamMaxSize: 5,
    reviewsPerSubmission: 3,
    normalization: 'zscore',
    leaderboardVisibility: 'public',
    shareJurorComments: false,
    personalDataRetentionUntil: null,
    personalDataPurgedAt: null,
    phase: 'hacking',
    serverTime: new Date(serverNow).toISOString(),
    tracks: inEnglish([
      {
        id: '0a1b2c3d-0000-4000-8000-000000000001',
        editionId,
        slug: 'health',
        name: 'Health',
        description: 'Medical and pharmaceutical challenges: patients, clinicians, pharmacies.',
        challenges: [
          {
            id: '0a1b2c3d-0000-4000-8000-000000000101',
            trackId: '0a1b2c3d-0000-4000-8000-000000000001',
            title: 'Medication adherence',
            description: 'Help patients with chronic conditions take the right dose at the right time.',
            sponsor: 'Regional Pharmacy Network',
            prize: '3,000 EUR',
          },
          {
            id: '0a1b2c3d-0000-4000-8000-000000000102',
            trackId: '0a1b2c3d-0000-4000-8000-000000000001',
            title: 'Emergency room triage',
            description: 'Shorten the wait for the patients who cannot wait.',
            sponsor: null,
            prize: null,
          },
        ],
      },
      {
        id: '0a1b2c3d-0000-4000-8000-000000000002',
        editionId,
        slug: 'environment-ecology',
        name: 'Environment & Ecology',
        description: 'Air, water, waste and biodiversity in the region.',
        challenges: [
          {
            id: '0a1b2c3d-0000-4000-8000-000000000201',
            trackId: '0a1b2c3d-0000-4000-8000-000000000002',
            title: 'Air quality for everyone',
            description: 'Turn open sensor data into advice people act on.',
            sponsor: 'City Hall',
            prize: '2,000 EUR',
          },
        ],
      },
      {
        id: '0a1b2c3d-0000-4000-8000-000000000003',
        editionId,
        slug: 'tourism',
        name: 'Tourism',
        description: 'Visitors, local heritage and the businesses that host them.',
        challenges: [
          {
            id: '0a1b2c3d-0000-4000-8000-000000000301',
            trackId: '0a1b2c3d-0000-4000-8000-000000000003',
            title: 'Accessible heritage',
            description: 'Make the region’s monuments reachable for visitors with disabilities.',
            sponsor: 'County Tourism Office',
            prize: '1,500 EUR',
          },
        ],
      },
    ]),
    criteria: DEFAULT_CRITERIA.map((c, order) => ({
      ...c,
      id: `0a1b2c3d-0000-4000-8000-00000000090${order}`,
      order,
      levels: [],
    })),
    ...overrides,
  };
}
