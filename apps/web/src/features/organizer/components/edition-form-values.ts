import {
  NO_SUBMISSION_REQUIREMENTS,
  TIMELINE_FIELDS,
  type Edition,
  type EditionPatch,
  type LocalizedText,
  type SubmissionRequirements,
  type TimelineField,
} from '@ca/shared';
import dayjs from 'dayjs';
import { bilingual } from '../../../components/bilingual-field';

/** The edition form's values and their way to and from the API's shapes. */
type Timeline = Record<TimelineField, string | null>;

export interface EditionFormValues extends Timeline {
  nameI18n: LocalizedText;
  slug: string;
  descriptionI18n: LocalizedText;
  venueI18n: LocalizedText;
  published: boolean;
  teamMinSize: number | string;
  teamMaxSize: number | string;
  reviewsPerSubmission: number | string;
  normalization: string;
  leaderboardVisibility: string;
  shareJurorComments: boolean;
  submissionRequirements: SubmissionRequirements;
}

export const OPTIONAL_TIMES = new Set<TimelineField>(['leaderboardFreezeAt', 'resultsPublishedAt']);
/** The pickers' own value format: local time, without a zone. */
const LOCAL = 'YYYY-MM-DD HH:mm:ss';

const toLocal = (iso: string | null) => (iso ? dayjs(iso).format(LOCAL) : null);
const toInstant = (local: string | null) => (local ? dayjs(local).toISOString() : null);
const toNumber = (v: number | string) =>
  typeof v === 'number' ? v : v.trim() === '' ? undefined : Number(v);

export function initialValues(edition?: Edition): EditionFormValues {
  const times = Object.fromEntries(
    TIMELINE_FIELDS.map((f) => [f, toLocal(edition ? edition[f] : null)]),
  ) as Timeline;
  return {
    nameI18n: bilingual(edition?.nameI18n),
    slug: edition?.slug ?? '',
    descriptionI18n: bilingual(edition?.descriptionI18n),
    venueI18n: bilingual(edition?.venueI18n),
    published: edition?.published ?? false,
    ...times,
    teamMinSize: edition?.teamMinSize ?? 1,
    teamMaxSize: edition?.teamMaxSize ?? 5,
    reviewsPerSubmission: edition?.reviewsPerSubmission ?? 3,
    normalization: edition?.normalization ?? 'model',
    leaderboardVisibility: edition?.leaderboardVisibility ?? 'public',
    shareJurorComments: edition?.shareJurorComments ?? false,
    submissionRequirements: { ...(edition?.submissionRequirements ?? NO_SUBMISSION_REQUIREMENTS) },
  };
}

/** The request body of the form's values; required times left empty stay absent (and are named). */
export function toEditionBody(v: EditionFormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {
    nameI18n: v.nameI18n,
    slug: v.slug,
    descriptionI18n: v.descriptionI18n,
    venueI18n: v.venueI18n,
    published: v.published,
    teamMinSize: toNumber(v.teamMinSize),
    teamMaxSize: toNumber(v.teamMaxSize),
    reviewsPerSubmission: toNumber(v.reviewsPerSubmission),
    normalization: v.normalization,
    leaderboardVisibility: v.leaderboardVisibility,
    shareJurorComments: v.shareJurorComments,
    submissionRequirements: v.submissionRequirements,
  };
  for (const f of TIMELINE_FIELDS) {
    const at = toInstant(v[f]);
    body[f] = at ?? (OPTIONAL_TIMES.has(f) ? null : undefined);
  }
  return body;
}

/** The fields whose value differs from the stored edition's: a PATCH names only those. */
export function changedFields(body: Record<string, unknown>, stored: Record<string, unknown>): EditionPatch {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const before = stored[key];
    const same =
      typeof value === 'string' &&
      typeof before === 'string' &&
      TIMELINE_FIELDS.includes(key as TimelineField)
        ? Date.parse(value) === Date.parse(before)
        : typeof value === 'object' && value !== null
          ? JSON.stringify(value) === JSON.stringify(before)
          : value === before;
    if (!same) patch[key] = value;
  }
  return patch as EditionPatch;
}
