import { notifications } from '@mantine/notifications';

// Mantine keeps notifications in one store for the whole test file: clear it between tests, so
// that one test's messages (at most five are shown at once) never hide the next test's.
afterEach(() => {
  notifications.clean();
  notifications.cleanQueue();
});
