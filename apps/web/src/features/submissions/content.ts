import { SubmissionPutSchema, type SubmissionContent } from '@ca/shared';

/** What the editor edits: the content of a submission, as kept in each version. */
export type ContentValues = SubmissionContent;
export type ContentField = keyof ContentValues;

export const CONTENT_FIELDS: ContentField[] = [
  'title',
  'tagline',
  'description',
  'repoUrl',
  'demoUrl',
  'videoUrl',
  'techTags',
  'challengeIds',
];

export const emptyContent = (): ContentValues => ({
  title: '',
  tagline: '',
  description: '',
  repoUrl: '',
  demoUrl: '',
  videoUrl: '',
  techTags: [],
  challengeIds: [],
});

/** The content part of a submission or of one of its versions. */
export function contentOf(s: ContentValues): ContentValues {
  return {
    title: s.title,
    tagline: s.tagline,
    description: s.description,
    repoUrl: s.repoUrl,
    demoUrl: s.demoUrl,
    videoUrl: s.videoUrl,
    techTags: [...s.techTags],
    challengeIds: [...s.challengeIds],
  };
}

/** A stable fingerprint of the content, to tell whether anything changed since the last save. */
export const fingerprint = (values: ContentValues): string =>
  JSON.stringify(CONTENT_FIELDS.map((f) => values[f]));

/**
 * Checks the content with the API's own schema (`SubmissionPutSchema`) and answers, per field,
 * the i18n key of what to tell the author; empty when the API would accept it.
 */
export function contentErrors(values: ContentValues): Partial<Record<ContentField, InvalidKey>> {
  const result = SubmissionPutSchema.safeParse(values);
  if (result.success) return {};
  const errors: Partial<Record<ContentField, InvalidKey>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && (CONTENT_FIELDS as string[]).includes(field)) {
      const f = field as ContentField;
      errors[f] ??= `submissions.editor.invalid.${INVALID_KEY[f]}`;
    }
  }
  return errors;
}

const INVALID_KEY = {
  title: 'title',
  tagline: 'tagline',
  description: 'description',
  repoUrl: 'url',
  demoUrl: 'url',
  videoUrl: 'url',
  techTags: 'techTags',
  challengeIds: 'challengeIds',
} as const satisfies Record<ContentField, string>;

export type InvalidKey = `submissions.editor.invalid.${(typeof INVALID_KEY)[ContentField]}`;
