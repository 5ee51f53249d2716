import { EditionCreateSchema, EditionPatchSchema } from './schemas.js';
import { phaseAt, timelineViolations, windowOpen } from './timeline.js';

const H = 3_600_000;
const t0 = Date.parse('2026-03-01T09:00:00Z');
const timeline = {
  published: true,
  registrationOpensAt: t0,
  registrationClosesAt: t0 + 30 * H,
  hackingStartsAt: t0 + 24 * H,
  submissionDeadline: t0 + 72 * H,
  judgingEndsAt: t0 + 80 * H,
};
const iso = (ms: number) => new Date(ms).toISOString();

describe('phaseAt', () => {
  it.each([
    [t0 - 1, 'upcoming'],
    [t0, 'registration'],
    [t0 + 24 * H - 1, 'registration'],
    [t0 + 24 * H, 'hacking'],
    [t0 + 72 * H, 'judging'],
    [t0 + 80 * H - 1, 'judging'],
    [t0 + 80 * H, 'finished'],
  ])('at %d is %s', (now, phase) => {
    expect(phaseAt(timeline, now)).toBe(phase);
  });

  it('is draft while unpublished, whatever the time', () => {
    expect(phaseAt({ ...timeline, published: false }, t0 + 30 * H)).toBe('draft');
  });
});

describe('windows', () => {
  it('keeps registration open into the hacking phase until registrationClosesAt', () => {
    const now = t0 + 26 * H;
    expect(phaseAt(timeline, now)).toBe('hacking');
    expect(windowOpen('register', timeline, now)).toBe(true);
    expect(windowOpen('register', timeline, t0 + 30 * H)).toBe(false);
  });
  it('opens scoring at the deadline and closes it when judging ends', () => {
    expect(windowOpen('score', timeline, t0 + 72 * H - 1)).toBe(false);
    expect(windowOpen('score', timeline, t0 + 72 * H)).toBe(true);
    expect(windowOpen('score', timeline, t0 + 80 * H)).toBe(false);
  });
});

describe('timeline rules', () => {
  it('accepts a valid timeline', () => {
    expect(timelineViolations(timeline)).toEqual([]);
  });
  it.each([
    [{ registrationClosesAt: t0 }, 'registrationClosesAt'],
    [{ registrationClosesAt: t0 + 73 * H }, 'submissionDeadline'],
    [{ hackingStartsAt: t0 - 1 }, 'hackingStartsAt'],
    [{ submissionDeadline: t0 + 24 * H }, 'submissionDeadline'],
    [{ judgingEndsAt: t0 + 72 * H }, 'judgingEndsAt'],
    [{ resultsPublishedAt: t0 + 79 * H }, 'resultsPublishedAt'],
    [{ leaderboardFreezeAt: t0 + 80 * H }, 'leaderboardFreezeAt'],
  ])('refuses %o, blaming %s', (change, field) => {
    expect(timelineViolations({ ...timeline, ...change }).map((v) => v.field)).toContain(field);
  });
  it('allows registration to close exactly at the deadline and results at judging end', () => {
    expect(
      timelineViolations({ ...timeline, registrationClosesAt: t0 + 72 * H, resultsPublishedAt: t0 + 80 * H }),
    ).toEqual([]);
  });
});

describe('EditionCreateSchema', () => {
  const body = {
    slug: 'vi',
    name: 'VI',
    registrationOpensAt: iso(timeline.registrationOpensAt),
    registrationClosesAt: iso(timeline.registrationClosesAt),
    hackingStartsAt: iso(timeline.hackingStartsAt),
    submissionDeadline: iso(timeline.submissionDeadline),
    judgingEndsAt: iso(timeline.judgingEndsAt),
  };
  it('fills the defaults of docs/domain.md', () => {
    const e = EditionCreateSchema.parse(body);
    expect(e).toMatchObject({
      published: false,
      reviewsPerSubmission: 3,
      normalization: 'model',
      leaderboardVisibility: 'public',
      leaderboardFreezeAt: null,
      resultsPublishedAt: null,
    });
  });
  it('names the field of a broken rule, of an unknown field and of an over-long name', () => {
    const bad = EditionCreateSchema.safeParse({ ...body, judgingEndsAt: body.hackingStartsAt });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toContain('judgingEndsAt');
    expect(EditionCreateSchema.safeParse({ ...body, colour: 'red' }).error!.issues[0]!.code).toBe(
      'unrecognized_keys',
    );
    const long = EditionCreateSchema.safeParse({ ...body, name: 'x'.repeat(10_000) });
    expect(long.error!.issues[0]!.path).toEqual(['name']);
  });
  it('refuses a team minimum above the maximum', () => {
    const r = EditionCreateSchema.safeParse({ ...body, teamMinSize: 4, teamMaxSize: 3 });
    expect(r.error!.issues[0]!.path).toEqual(['teamMaxSize']);
  });
  it('lets a PATCH name a subset', () => {
    expect(EditionPatchSchema.parse({ published: true })).toEqual({ published: true });
  });
});
