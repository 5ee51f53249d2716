import { EditionPatchSchema, LoginSchema, RegistrationCreateSchema } from '@ca/shared';
import { ApiError } from './http';
import { i18n } from './i18n';
import { apiErrorField, labelsFrom, showApiFieldError, zodValidate } from './zod-form';

const t = i18n.getFixedT('en');
const labels = labelsFrom({
  email: 'Email',
  password: 'Password',
  skills: 'Skills',
  registrationOpensAt: 'Registration opens',
  registrationClosesAt: 'Registration closes',
  hackingStartsAt: 'Hacking starts',
  submissionDeadline: 'Submission deadline',
  judgingEndsAt: 'Judging ends',
  leaderboardFreezeAt: 'Leaderboard freezes',
});

describe('zodValidate', () => {
  it('says nothing about valid values', () => {
    expect(zodValidate(LoginSchema, { label: labels, t })({ email: 'a@b.ro', password: 'x' })).toEqual({});
  });

  it('names the field of each issue, translated by its code', () => {
    expect(zodValidate(LoginSchema, { label: labels, t })({ email: 'nope', password: '' })).toEqual({
      email: 'Email must be an email address, like name@example.com.',
      password: 'Password is required.',
    });
  });

  it("puts an element's issue on its list field", () => {
    const errors = zodValidate(RegistrationCreateSchema, { label: labels, t })({
      skills: ['React', 'x'.repeat(51)],
      lookingForTeam: true,
    });
    expect(errors).toEqual({ skills: 'Skills must have at most 50 characters.' });
  });

  it.each([
    [
      { hackingStartsAt: '2026-03-10T10:00:00Z', submissionDeadline: '2026-03-09T10:00:00Z' },
      'submissionDeadline',
      'Submission deadline must be after Hacking starts.',
    ],
    [
      { registrationClosesAt: '2026-03-12T10:00:00Z', submissionDeadline: '2026-03-11T10:00:00Z' },
      'submissionDeadline',
      'Submission deadline must not be before Registration closes.',
    ],
    [
      { leaderboardFreezeAt: '2026-03-15T10:00:00Z', judgingEndsAt: '2026-03-14T10:00:00Z' },
      'leaderboardFreezeAt',
      'Leaderboard freezes must be before Judging ends.',
    ],
  ])('says which timeline field is out of order: %j', (patch, field, message) => {
    expect(zodValidate(EditionPatchSchema, { label: labels, t })(patch)).toEqual({ [field]: message });
  });

  it('speaks Romanian', () => {
    const ro = i18n.getFixedT('ro');
    const roLabels = labelsFrom({ email: 'E-mail', password: 'Parolă' });
    expect(zodValidate(LoginSchema, { label: roLabels, t: ro })({ email: '', password: '' })).toEqual({
      email: 'Câmpul „E-mail” este obligatoriu.',
      password: 'Câmpul „Parolă” este obligatoriu.',
    });
  });
});

describe('API errors on fields', () => {
  it('finds the field the API named, or the one a code is about', () => {
    expect(apiErrorField(new ApiError(400, 'VALIDATION_FAILED', 'name: too long'))).toBe('name');
    expect(apiErrorField(new ApiError(409, 'NAME_TAKEN', 'slug: "x" is already used'))).toBe('slug');
    expect(apiErrorField(new ApiError(409, 'EMAIL_TAKEN', 'exists'), { EMAIL_TAKEN: 'email' })).toBe('email');
    expect(apiErrorField(new ApiError(409, 'TEAM_FULL', 'This team is full'))).toBeUndefined();
    expect(apiErrorField(new Error('boom'))).toBeUndefined();
  });

  it('marks the field with a sentence naming it, or with the code’s own message', () => {
    const set = jest.fn();
    const options = { labels: { name: 'Team name' }, t };
    showApiFieldError({ setFieldError: set }, new ApiError(400, 'VALIDATION_FAILED', 'name: bad'), options);
    showApiFieldError({ setFieldError: set }, new ApiError(409, 'NAME_TAKEN', 'name: "x" taken'), options);
    showApiFieldError({ setFieldError: set }, new ApiError(400, 'VALIDATION_FAILED', 'other: bad'), options);
    expect(set.mock.calls).toEqual([
      ['name', 'Team name: the server did not accept this value.'],
      ['name', 'This name is already taken.'],
    ]);
  });
});
