import { auditDiff } from './audit-diff';

describe('audit entry difference', () => {
  it('lists changed fields old → new, counts the unchanged, and follows nested objects by path', () => {
    const d = auditDiff(
      { name: 'Ediția VI', teamMaxSize: 5, timeline: { submissionDeadline: 'a', judgingEndsAt: 'x' } },
      { name: 'Ediția VII', teamMaxSize: 5, timeline: { submissionDeadline: 'b', judgingEndsAt: 'x' } },
    );
    expect(d).toEqual({
      lines: [
        { key: 'name', kind: 'changed', before: 'Ediția VI', after: 'Ediția VII' },
        { key: 'timeline.submissionDeadline', kind: 'changed', before: 'a', after: 'b' },
      ],
      unchanged: 2,
    });
  });

  it('shows fields that appear or go away, and a creation or deletion as all added or removed', () => {
    expect(auditDiff({ until: '2026-03-01', reason: 'x' }, { until: null }).lines).toEqual([
      { key: 'until', kind: 'changed', before: '2026-03-01', after: 'null' },
      { key: 'reason', kind: 'removed', before: 'x' },
    ]);
    expect(auditDiff(null, { slug: 'vii', tags: ['a', 'b'] }).lines).toEqual([
      { key: 'slug', kind: 'added', after: 'vii' },
      { key: 'tags', kind: 'added', after: '["a","b"]' },
    ]);
    expect(auditDiff({ id: 1 }, null).lines).toEqual([{ key: 'id', kind: 'removed', before: '1' }]);
  });

  it('compares plain values whole, and has nothing to show without either side', () => {
    expect(auditDiff(3, 4).lines).toEqual([{ key: '', kind: 'changed', before: '3', after: '4' }]);
    expect(auditDiff(null, null)).toEqual({ lines: [], unchanged: 0 });
    expect(auditDiff({ a: [1, 2] }, { a: [1, 2] })).toEqual({ lines: [], unchanged: 1 });
  });
});
