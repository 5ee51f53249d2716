import type { Announcement, RevealStep } from '@ca/shared';
import { mergeAnnouncement, takesReveal } from './use-screen-state';

const ED = '11111111-1111-4111-8111-111111111111';
const a = (n: number, message = `m${n}`): Announcement => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  editionId: ED,
  message,
  createdAt: new Date(Date.UTC(2026, 0, 1, 10, n)).toISOString(),
  updatedAt: new Date(Date.UTC(2026, 0, 1, 10, n)).toISOString(),
});
const step = (revealId: string, s: number, active = true): RevealStep => ({
  editionId: ED,
  trackId: null,
  revealId,
  active,
  step: s,
  total: 5,
  places: 3,
  revealed: [],
  awards: [],
});
const R1 = '22222222-2222-4222-8222-222222222222';
const R2 = '33333333-3333-4333-8333-333333333333';

describe('the screen state', () => {
  it('keeps at most five announcements, newest first, one per id (an edit replaces in place)', () => {
    let list: Announcement[] = [];
    for (let n = 0; n < 50; n++) list = mergeAnnouncement(list, a(n));
    expect(list.map((x) => x.message)).toEqual(['m49', 'm48', 'm47', 'm46', 'm45']);
    list = mergeAnnouncement(list, a(47, 'edited'));
    expect(list.map((x) => x.message)).toEqual(['m49', 'm48', 'edited', 'm46', 'm45']);
  });

  it('takes a later step of the same show, a new show or a reset; never an older step', () => {
    expect(takesReveal(null, step(R1, 0))).toBe(true);
    expect(takesReveal(step(R1, 2), step(R1, 3))).toBe(true);
    expect(takesReveal(step(R1, 3), step(R1, 2))).toBe(false);
    expect(takesReveal(step(R1, 3), step(R2, 0))).toBe(true);
    expect(takesReveal(step(R1, 3), step(R1, 0, false))).toBe(true);
  });
});
