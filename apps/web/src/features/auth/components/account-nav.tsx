import { Menu, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router';
import { useLogout } from '../mutations';
import { useNavModel } from '../nav-items';

/**
 * The header's navigation on wide screens: Sign in / Sign up for visitors; the team page of each
 * edition a participant registered for; "Jury" for jurors; "Organize" for organizers; the account
 * menu (account page, sign out). Phones get the same links in a drawer (`MobileNav`).
 */
export function AccountNav() {
  const { t } = useTranslation();
  const nav = useNavModel();
  const navigate = useNavigate();
  const logout = useLogout();

  if (nav.pending) return null;
  if (!nav.signedIn)
    return nav.visitor.map((item) => (
      <NavLink key={item.key} to={item.to} className="app-nav-link" data-testid={`nav-${item.key}`}>
        {item.label}
      </NavLink>
    ));

  return (
    <>
      {nav.teams.length > 0 && (
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <UnstyledButton className="app-nav-link" data-testid="nav-my-team">
              {t('auth.nav.myTeams')} <span aria-hidden="true">▾</span>
            </UnstyledButton>
          </Menu.Target>
          <Menu.Dropdown>
            {nav.teams.map((item) => (
              <Menu.Item key={item.key} component={Link} to={item.to}>
                {item.label}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
      {nav.links.map((item) => (
        <NavLink key={item.key} to={item.to} className="app-nav-link" data-testid={`nav-${item.key}`}>
          {item.label}
        </NavLink>
      ))}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <UnstyledButton
            className="app-nav-link app-nav-account"
            data-testid="nav-account-menu"
            aria-label={t('auth.nav.accountMenu', { name: nav.name })}
          >
            {nav.name} <span aria-hidden="true">▾</span>
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
