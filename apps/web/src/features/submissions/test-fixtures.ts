import type { Me, Submission, SubmissionVersion, Team } from '@ca/shared';
import { demoEdition } from '../../test/fixtures';
import { json, type Route } from '../../test/fetch-stub';

/** Test data of the submissions feature, shaped as the API answers it. */

export const TEAM_ID = '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b0a';
export const SUBMISSION_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
export const HEALTH_TRACK = '0a1b2c3d-0000-4000-8000-000000000001';
export const ADHERENCE = '0a1b2c3d-0000-4000-8000-000000000101';
export const TRIAGE = '0a1b2c3d-0000-4000-8000-000000000102';

export function meFixture(overrides: Partial<Me> = {}): Me {
  return {
    id: '5e0d7a4c-1b2f-4c3d-9e8f-0a1b2c3d4e5f',
    email: 'ana@example.com',
    name: 'Ana Popescu',
    isOrganizer: false,
    editions: [],
    ...overrides,
  };
}

export function teamFixture(editionId: string, overrides: Partial<Team> = {}): Team {
  return {
    id: TEAM_ID,
    editionId,
    trackId: HEALTH_TRACK,
    name: 'Pill Pals',
    captainId: '5e0d7a4c-1b2f-4c3d-9e8f-0a1b2c3d4e5f',
    members: [{ userId: '5e0d7a4c-1b2f-4c3d-9e8f-0a1b2c3d4e5f', name: 'Ana Popescu' }],
    inviteCode: 'ABCDEFGH23',
    freePlaces: 4,
    tableLabel: null,
    ...overrides,
  };
}

export function submissionFixture(serverNow: number, overrides: Partial<Submission> = {}): Submission {
  return {
    id: SUBMISSION_ID,
    teamId: TEAM_ID,
    trackId: HEALTH_TRACK,
    title: 'Pill reminder',
    tagline: 'Never miss a dose',
    description: '## How it works\n\nA **smart** pill box.',
    repoUrl: 'https://github.com/pill-pals/app',
    demoUrl: '',
    videoUrl: '',
    techTags: ['React'],
    challengeIds: [ADHERENCE],
    status: 'draft',
    submittedAt: null,
    version: 3,
    updatedAt: new Date(serverNow - 60_000).toISOString(),
    deadline: new Date(serverNow + 26 * 3_600_000).toISOString(),
    disqualified: false,
    disqualifiedReason: null,
    ...overrides,
  };
}

export function versionFixture(
  submission: Submission,
  overrides: Partial<SubmissionVersion> = {},
): SubmissionVersion {
  const {
    id: _id,
    teamId: _t,
    submittedAt: _s,
    version,
    updatedAt,
    deadline: _d,
    disqualified: _q,
    disqualifiedReason: _r,
    ...snapshot
  } = submission;
  return {
    version,
    firstVersion: version,
    saves: 1,
    action: 'save',
    authorId: '5e0d7a4c-1b2f-4c3d-9e8f-0a1b2c3d4e5f',
    authorName: 'Ana Popescu',
    createdAt: updatedAt,
    startedAt: updatedAt,
    snapshot,
    ...overrides,
  };
}

/** The routes every editor test needs: who is signed in, the team, its edition. */
export function editorRoutes(
  serverNow: number,
  options: { editionOverrides?: Parameters<typeof demoEdition>[1] } = {},
) {
  const edition = demoEdition(serverNow, options.editionOverrides);
  const team = teamFixture(edition.id);
  const routes: Record<string, Route> = {
    'GET /api/auth/session': () =>
      json(200, { user: meFixture({ editions: [{ editionId: edition.id, roles: ['participant'] }] }) }),
    [`GET /api/teams/${TEAM_ID}`]: () => json(200, team),
    [`GET /api/editions/${edition.id}`]: () =>
      json(200, { ...edition, serverTime: new Date(serverNow).toISOString() }),
    // The shell's navigation lists the editions of the signed-in participant.
    'GET /api/editions': () => json(200, { items: [edition], nextCursor: null }),
  };
  return { edition, team, routes };
}

export const apiError = (status: number, code: string, message: string, details?: unknown) =>
  json(status, { statusCode: status, code, message, ...(details === undefined ? {} : { details }) });
