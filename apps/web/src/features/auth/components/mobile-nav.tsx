import { Burger, Divider, Drawer, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation, useNavigate } from 'react-router';
import { useLogout } from '../mutations';
import { useNavModel, type NavItem } from '../nav-items';

/**
 * The header's navigation on a phone: a burger that opens a drawer with every link of the wide
 * header one under the other, so that the header itself stays one row at 390 px.
 */
export function MobileNav() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const nav = useNavModel();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  // Following a link closes the drawer.
  useEffect(close, [pathname, close]);

  const link = (item: NavItem) => (
    <NavLink
      key={item.key}
      to={item.to}
      end={item.to === '/'}
      className="app-nav-link drawer-link"
      data-testid={`drawer-${item.key}`}
    >
      {item.label}
    </NavLink>
  );

  return (
    <>
      <Burger
        opened={opened}
        onClick={toggle}
        size="sm"
        aria-label={opened ? t('common.nav.closeMenu') : t('common.nav.openMenu')}
        aria-expanded={opened}
        aria-controls="app-drawer"
        data-testid="nav-burger"
      />
      <Drawer
        id="app-drawer"
        opened={opened}
        onClose={close}
        position="right"
        size="xs"
        title={<strong>{t('common.nav.menu')}</strong>}
        closeButtonProps={{ 'aria-label': t('common.nav.closeMenu') }}
        data-testid="nav-drawer"
      >
        <nav aria-label={t('common.nav.label')}>
          <Stack gap={4}>
            {link({ key: 'home', to: '/', label: t('common.nav.editions') })}
            {!nav.pending && !nav.signedIn && nav.visitor.map(link)}
            {nav.signedIn && (
              <>
                {nav.teams.length > 0 && (
                  <Text size="sm" c="dimmed" fw={600} mt="xs">
                    {t('auth.nav.myTeams')}
                  </Text>
                )}
                {nav.teams.map(link)}
                {nav.links.map(link)}
                <Divider my="xs" />
                <Text size="sm" c="dimmed">
                  {t('auth.nav.signedInAs', { name: nav.name })}
                </Text>
                {link({ key: 'account', to: '/account', label: t('auth.nav.account') })}
                <UnstyledButton
                  className="app-nav-link drawer-link"
                  data-testid="drawer-logout"
                  onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/') })}
                >
                  {t('auth.nav.logout')}
                </UnstyledButton>
              </>
            )}
          </Stack>
        </nav>
      </Drawer>
    </>
  );
}
