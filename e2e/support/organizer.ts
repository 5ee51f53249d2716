/**
 * The organizer account of the browser tests: the global set-up starts the server with
 * ORGANIZER_EMAIL / ORGANIZER_PASSWORD (the API's own bootstrap), so every test can sign in as an
 * organizer to create editions and move their timelines. One mechanism for every browser test.
 */
export const ORGANIZER_EMAIL = 'organizer@e2e.test';
export const ORGANIZER_PASSWORD = 'e2e-organizer-password';

/** The server environment that creates the organizer at start-up. */
export const organizerEnv = (): Record<string, string> => ({
  ORGANIZER_EMAIL,
  ORGANIZER_PASSWORD,
});
