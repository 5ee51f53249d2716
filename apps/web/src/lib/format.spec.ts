import { formatDate, formatDateTime, formatDeadline, formatNumber } from './format';

describe('formatting in the reader’s language', () => {
  it('shows a deadline on Romania’s clock and says so, in English and Romanian', () => {
    // 16:00 UTC in December is 18:00 in Bucharest (EET, UTC+2).
    expect(formatDeadline('2026-12-01T16:00:00Z', 'en')).toBe('Tue, 1 Dec 2026, 18:00 (Romania time)');
    expect(formatDeadline('2026-12-01T16:00:00Z', 'ro')).toBe('mar., 1 dec. 2026, 18:00 (ora României)');
  });

  it('follows Romania’s summer time (EEST, UTC+3)', () => {
    expect(formatDeadline('2026-07-01T15:00:00Z', 'en')).toBe('Wed, 1 Jul 2026, 18:00 (Romania time)');
    expect(formatDeadline('2026-07-01T15:00:00Z', 'ro')).toBe('mie., 1 iul. 2026, 18:00 (ora României)');
  });

  it('gives an event’s day on Romania’s calendar (22:30 UTC is already the next day there)', () => {
    expect(formatDate('2026-12-01T22:30:00Z', 'en')).toBe('2 Dec 2026');
    expect(formatDate('2026-12-01T22:30:00Z', 'ro')).toBe('2 dec. 2026');
  });

  it('names the zone of other instants, shown in the reader’s own zone', () => {
    const zone = new Intl.DateTimeFormat('en-GB', { timeZoneName: 'short' })
      .formatToParts(new Date('2026-12-01T16:00:00Z'))
      .find((p) => p.type === 'timeZoneName')!.value;
    expect(formatDateTime('2026-12-01T16:00:00Z', 'en')).toContain(zone);
  });

  it('writes numbers with each language’s separators', () => {
    expect(formatNumber(12345.5, 'en')).toBe('12,345.5');
    expect(formatNumber(12345.5, 'ro')).toBe('12.345,5');
  });
});
