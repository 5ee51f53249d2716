import { redactUrl } from './redact-url';

describe('redactUrl', () => {
  it.each([
    ['/api/jury/invitations/abc_DEF-123/accept', '/api/jury/invitations/…/accept'],
    ['/jury/accept?token=abc_DEF-123', '/jury/accept?token=…'],
    ['/reset-password?lang=ro&token=abc&x=1', '/reset-password?lang=ro&token=…&x=1'],
    [
      '/api/editions/7b0c6a57-43b8-4d5e-9f7a-1e8a5c6d2f00/jury/invitations',
      '/api/editions/7b0c6a57-43b8-4d5e-9f7a-1e8a5c6d2f00/jury/invitations',
    ],
    ['/api/teams?limit=5', '/api/teams?limit=5'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
