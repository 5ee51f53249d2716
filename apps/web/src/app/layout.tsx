import { Container, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { AccountNav } from '../features/auth/components/account-nav';
import { MobileNav } from '../features/auth/components/mobile-nav';
import { LanguageSwitcher } from './language-switcher';

/** The shell of every page: skip link, header with brand, navigation and language, main, footer. */
export function AppLayout() {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  // After a client-side navigation, move focus to the new content so that keyboard and screen
  // reader users start there, as they would after a full page load.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="app-header">
        <Container size="lg" py="sm">
          {/* Brand, navigation, language on one row. On a phone the links move into a drawer
              behind the burger, so the row never wraps. */}
          <div className="app-header-inner">
            <Link to="/" className="app-brand">
              {t('common.appName')}
            </Link>
            <nav aria-label={t('common.nav.label')} className="app-nav">
              <NavLink to="/" end className="app-nav-link">
                {t('common.nav.editions')}
              </NavLink>
              <AccountNav />
            </nav>
            <div className="app-lang">
              <LanguageSwitcher />
            </div>
            <div className="app-burger">
              <MobileNav />
            </div>
          </div>
        </Container>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        <Container size="lg" py="xl">
          <Outlet />
        </Container>
      </main>
      <footer className="app-footer">
        <Container size="lg" py="md">
          <Text size="sm" c="dimmed">
            {t('common.footer')}
          </Text>
        </Container>
      </footer>
      <ScrollRestoration />
    </>
  );
}
