import { z } from 'zod';

/**
 * CSV exports (issue 13): `GET /api/editions/:id/exports/:kind.csv`, organizers only. Each kind's
 * columns are listed here once, in file order, so that the API writes them and clients (the web
 * console, scripts) can rely on them.
 */
export const EXPORT_KINDS = ['participants', 'teams', 'submissions', 'scores', 'results'] as const;
export const ExportKindSchema = z.enum(EXPORT_KINDS);
export type ExportKind = z.infer<typeof ExportKindSchema>;

export const EXPORT_COLUMNS = {
  participants: [
    'userId',
    'name',
    'email',
    'skills',
    'lookingForTeam',
    'teamId',
    'teamName',
    'trackSlug',
    'registeredAt',
  ],
  teams: [
    'teamId',
    'name',
    'trackSlug',
    'trackName',
    'captainId',
    'captainName',
    'memberCount',
    'members',
    'tableLabel',
    'extendedDeadline',
    'createdAt',
  ],
  submissions: [
    'submissionId',
    'teamId',
    'teamName',
    'trackSlug',
    'title',
    'tagline',
    'status',
    'submittedAt',
    'version',
    'repoUrl',
    'demoUrl',
    'videoUrl',
    'techTags',
    'disqualified',
    'disqualifiedReason',
    'updatedAt',
  ],
  scores: [
    'sheetId',
    'submissionId',
    'title',
    'teamName',
    'jurorId',
    'jurorName',
    'criterionId',
    'criterion',
    'weight',
    'min',
    'max',
    'value',
    'sheetScore',
    'comment',
    'updatedAt',
  ],
  results: [
    'board',
    'rank',
    'submissionId',
    'teamId',
    'teamName',
    'trackSlug',
    'title',
    'score',
    'normalized',
    'sheets',
    'normalization',
  ],
} as const satisfies Record<ExportKind, readonly string[]>;
