import type { Edition } from '@ca/shared';
import { Menu, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { editionQueries } from '../../editions/queries';
import { useLogout } from '../mutations';
import { editionIdsWithRole, loginPath, useAuth } from '../queries';

const AUTH_PAGES = ['/login', '/signup', '/forgot-password', '/reset-password'];

/**
 * The navigation that depends on who is signed in: Sign in / Sign up for visitors; the team page
 * of each edition a participant registered for; "Organize" for organizers; "Jury" for jurors;
 * and the account menu (account page, sign out).
 */
export function AccountNav() {
  const { t } = useTranslation();
  const { me, isPending } = useAuth();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const participantIds = editionIdsWithRole(me, 'participant');
  const jurorIds = editionIdsWithRole(me, 'juror');
  // Edition ids to names and slugs; organizers' lists include drafts.
  const editions = useQuery({ ...editionQueries.list(), enabled: participantIds.length > 0 });

  if (isPending) return null;

  if (!me) {
    // Come back here after signing in, unless "here" is itself an account page.
    const here = AUTH_PAGES.includes(pathname) ? undefined : pathname + search;
    return (
      <>
        <NavLink to={here ? loginPath(here) : '/login'} className="app-nav-link" data-testid="nav-login">
          {t('auth.nav.login')}
        </NavLink>
        <NavLink
          to={here ? loginPath(here, 'signup') : '/signup'}
          className="app-nav-link"
          data-testid="nav-signup"
        >
          {t('auth.nav.signup')}
        </NavLink>
      </>
    );
  }

  const myEditions = participantIds
    .map((id) => editions.data?.items.find((e) => e.id === id))
    .filter((e): e is Edition => !!e);

  return (
    <>
      {myEditions.length === 1 && (
        <NavLink
          to={`/editions/${myEditions[0]!.slug}/team`}
          className="app-nav-link"
          data-testid="nav-my-team"
        >
          {t('auth.nav.myTeam')}
        </NavLink>
      )}
      {myEditions.length > 1 && (
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <UnstyledButton className="app-nav-link" data-testid="nav-my-team">
              {t('auth.nav.myTeams')} <span aria-hidden="true">▾</span>
            </UnstyledButton>
          </Menu.Target>
          <Menu.Dropdown>
            {myEditions.map((e) => (
              <Menu.Item key={e.id} component={Link} to={`/editions/${e.slug}/team`}>
                {e.name}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
      {jurorIds.length > 0 && (
        <NavLink to="/jury" className="app-nav-link" data-testid="nav-jury">
          {t('auth.nav.jury')}
        </NavLink>
      )}
      {me.isOrganizer && (
        <NavLink to="/organize" className="app-nav-link" data-testid="nav-organize">
          {t('auth.nav.organize')}
        </NavLink>
      )}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <UnstyledButton
            className="app-nav-link app-nav-account"
            data-testid="nav-account-menu"
            aria-label={t('auth.nav.accountMenu', { name: me.name })}
          >
            {me.name} <span aria-hidden="true">▾</span>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item component={Link} to="/account" data-testid="nav-account">
            {t('auth.nav.account')}
          </Menu.Item>
          <Menu.Item
            data-testid="nav-logout"
            onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/') })}
          >
            {t('auth.nav.logout')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </>
  );
}
