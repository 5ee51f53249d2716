import { NO_SUBMISSION_REQUIREMENTS } from '../editions/schemas.js';
import { SUBMISSION_DESCRIPTION_MIN_LENGTH, submissionChecklist } from './schemas.js';

const content = {
  description: '',
  repoUrl: '',
  demoUrl: '',
  videoUrl: '',
  challengeIds: [] as string[],
};

describe('submissionChecklist', () => {
  it('requires nothing by default, and says what is done', () => {
    const list = submissionChecklist(
      { ...content, repoUrl: 'https://x.example' },
      NO_SUBMISSION_REQUIREMENTS,
      {
        trackHasChallenges: true,
      },
    );
    expect(list.ready).toBe(true);
    expect(list.missing).toEqual([]);
    expect(list.items.find((i) => i.key === 'repoUrl')).toEqual({
      key: 'repoUrl',
      done: true,
      required: false,
    });
  });

  it('names the required items not done, in a fixed order', () => {
    const list = submissionChecklist(
      { ...content, description: 'x'.repeat(SUBMISSION_DESCRIPTION_MIN_LENGTH - 1) },
      { ...NO_SUBMISSION_REQUIREMENTS, challenge: true, description: true, videoUrl: true },
      { trackHasChallenges: true },
    );
    expect(list).toMatchObject({ ready: false, missing: ['description', 'videoUrl', 'challenge'] });
  });

  it('counts a description of the minimum length without surrounding spaces', () => {
    const req = { ...NO_SUBMISSION_REQUIREMENTS, description: true };
    const exact = 'y'.repeat(SUBMISSION_DESCRIPTION_MIN_LENGTH);
    expect(
      submissionChecklist({ ...content, description: exact }, req, { trackHasChallenges: false }).ready,
    ).toBe(true);
    expect(
      submissionChecklist({ ...content, description: `  ${exact.slice(1)}  ` }, req, {
        trackHasChallenges: false,
      }).ready,
    ).toBe(false);
  });

  it('leaves the challenge out when the track has none, and treats nothing saved as nothing done', () => {
    const req = { ...NO_SUBMISSION_REQUIREMENTS, challenge: true, repoUrl: true };
    const list = submissionChecklist(null, req, { trackHasChallenges: false });
    expect(list.items.map((i) => i.key)).toEqual(['description', 'repoUrl', 'demoUrl', 'videoUrl']);
    expect(list.missing).toEqual(['repoUrl']);
  });
});
