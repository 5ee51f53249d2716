import type { Edition } from '@ca/shared';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { editionQueries } from '../editions/queries';
import { editionIdsWithRole, loginPath, useAuth } from './queries';

const AUTH_PAGES = ['/login', '/signup', '/forgot-password', '/reset-password'];

export interface NavItem {
  /** The test id and React key: `nav-<key>` in the header, `drawer-<key>` in the phone drawer. */
  key: string;
  to: string;
  label: string;
}

export interface NavModel {
  /** Still asking who is signed in: show nothing rather than the wrong links. */
  pending: boolean;
  signedIn: boolean;
  name: string;
  /** Links for everyone signed in: their teams, jury work, the organizer console. */
  links: NavItem[];
  /** Several editions with a team: one menu of them in the header. */
  teams: NavItem[];
  /** Visitors: sign in and sign up, coming back here afterwards. */
  visitor: NavItem[];
}

/**
 * What the header offers, by who is signed in; the wide header and the phone's drawer render the
 * same model, so they never disagree.
 */
export function useNavModel(): NavModel {
  const { t } = useTranslation();
  const { me, isPending } = useAuth();
  const { pathname, search } = useLocation();
  const participantIds = editionIdsWithRole(me, 'participant');
  const jurorIds = editionIdsWithRole(me, 'juror');
  // Edition ids to names and slugs; organizers' lists include drafts.
  const editions = useQuery({ ...editionQueries.list(), enabled: participantIds.length > 0 });

  const here = AUTH_PAGES.includes(pathname) ? undefined : pathname + search;
  const visitor: NavItem[] = [
    { key: 'login', to: here ? loginPath(here) : '/login', label: t('auth.nav.login') },
    { key: 'signup', to: here ? loginPath(here, 'signup') : '/signup', label: t('auth.nav.signup') },
  ];
  const myEditions = participantIds
    .map((id) => editions.data?.items.find((e) => e.id === id))
    .filter((e): e is Edition => !!e);
  const teams = myEditions.map((e) => ({
    key: `team-${e.slug}`,
    to: `/editions/${e.slug}/team`,
    label: e.name,
  }));

  const links: NavItem[] = [];
  if (teams.length === 1) links.push({ key: 'my-team', to: teams[0]!.to, label: t('auth.nav.myTeam') });
  if (jurorIds.length > 0) links.push({ key: 'jury', to: '/jury', label: t('auth.nav.jury') });
  if (me?.isOrganizer) links.push({ key: 'organize', to: '/organize', label: t('auth.nav.organize') });

  return {
    pending: isPending,
    signedIn: !!me,
    name: me?.name ?? '',
    links,
    teams: teams.length > 1 ? teams : [],
    visitor,
  };
}
