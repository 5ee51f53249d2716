import { derivedSubject } from '../notifications.service';

describe('derivedSubject (the key of a notification about more than one row)', () => {
  const juror = '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';

  it('is a version 8 uuid, the same for the same parts', () => {
    const key = derivedSubject('assignments_ready', juror, '7');
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(derivedSubject('assignments_ready', juror, '7')).toBe(key);
  });

  it('differs for another run, another juror, or parts split differently', () => {
    const key = derivedSubject('assignments_ready', juror, '7');
    expect(derivedSubject('assignments_ready', juror, '8')).not.toBe(key);
    expect(derivedSubject('assignments_ready', juror.replace('5f', '6f'), '7')).not.toBe(key);
    expect(derivedSubject('a', 'b')).not.toBe(derivedSubject('ab'));
  });
});
