import { localize, pickLanguage } from './i18n.js';

describe('localize', () => {
  it('answers the reader language when it has text', () => {
    expect(localize({ en: 'Health', ro: 'Sănătate' }, 'ro')).toBe('Sănătate');
    expect(localize({ en: 'Health', ro: 'Sănătate' }, 'en')).toBe('Health');
  });
  it('falls back to the other language when the reader one is empty or blank', () => {
    expect(localize({ en: 'Health', ro: '' }, 'ro')).toBe('Health');
    expect(localize({ en: '  ', ro: 'Turism' }, 'en')).toBe('Turism');
    expect(localize({ en: '', ro: '' }, 'en')).toBe('');
  });
});

describe('pickLanguage', () => {
  it('takes the supported language with the highest q', () => {
    expect(pickLanguage('ro-RO,ro;q=0.9,en;q=0.8')).toBe('ro');
    expect(pickLanguage('en;q=0.3, ro;q=0.7')).toBe('ro');
    expect(pickLanguage('de-DE,de;q=0.9,en;q=0.5,ro;q=0.4')).toBe('en');
  });
  it('falls back when nothing supported is named or the header is absent', () => {
    expect(pickLanguage('de,fr')).toBe('en');
    expect(pickLanguage(undefined)).toBe('en');
    expect(pickLanguage('', 'ro')).toBe('ro');
    expect(pickLanguage('ro;q=0')).toBe('en');
  });
});
