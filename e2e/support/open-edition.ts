import { apiClient, uniqueSuffix } from './api';
import { ORGANIZER_EMAIL, ORGANIZER_PASSWORD } from './organizer';

const DAY = 86_400_000;

/**
 * A published edition open for registration, teams and hacking, made by the e2e organizer through
 * the API. The demo edition is in judging (its seed moves it there, so that `npm start` shows
 * scoring in progress), so tests of registering and forming teams use one of these instead.
 */
export async function createOpenEdition(): Promise<{ id: string; slug: string; name: string }> {
  const api = await apiClient();
  try {
    const login = await api.post('/api/auth/login', {
      data: { email: ORGANIZER_EMAIL, password: ORGANIZER_PASSWORD },
    });
    if (login.status() !== 200) throw new Error(`organizer login: ${login.status()} ${await login.text()}`);
    const now = Date.now();
    const at = (days: number) => new Date(Math.floor((now + days * DAY) / 60_000) * 60_000).toISOString();
    const run = uniqueSuffix();
    const created = await api.post('/api/editions', {
      data: {
        slug: `open-${run}`,
        name: `Open edition ${run}`,
        description: 'An edition open for registration, made by the browser tests.',
        venueI18n: { en: 'Iași, Palas Campus', ro: 'Iași, Campusul Palas' },
        published: true,
        registrationOpensAt: at(-7),
        registrationClosesAt: at(10),
        hackingStartsAt: at(-1),
        submissionDeadline: at(12),
        judgingEndsAt: at(13),
        teamMinSize: 1,
        teamMaxSize: 5,
      },
    });
    if (created.status() !== 201) throw new Error(`edition: ${created.status()} ${await created.text()}`);
    const edition = await created.json();
    for (const [name, slug] of [
      ['Health', 'health'],
      ['Environment & Ecology', 'environment-ecology'],
      ['Tourism', 'tourism'],
    ]) {
      const track = await api.post(`/api/editions/${edition.id}/tracks`, {
        data: { name, slug, description: '' },
      });
      if (track.status() !== 201) throw new Error(`track ${name}: ${track.status()} ${await track.text()}`);
      const { id } = await track.json();
      const challenge = await api.post(`/api/tracks/${id}/challenges`, {
        data: { title: `${name} challenge` },
      });
      if (challenge.status() !== 201)
        throw new Error(`challenge: ${challenge.status()} ${await challenge.text()}`);
    }
    return { id: edition.id, slug: edition.slug, name: edition.name };
  } finally {
    await api.dispose();
  }
}
