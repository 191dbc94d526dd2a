import type { MouseEvent, ReactElement } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { SessionMenu } from '../pages/account/session-menu.tsx';
import { type Route, routePaths } from '../use-route.ts';
import { AppLink } from './app-link.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';

type Props = { route: Route; navigate: (route: Route) => void };

export function AppHeader({ route, navigate }: Props) {
  const intl = useIntl();
  const follow = (target: Route) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(target);
  };
  const link = (target: Route, label: ReactElement) => (
    <li>
      <a
        href={routePaths[target]}
        aria-current={route === target ? 'page' : undefined}
        onClick={follow(target)}
      >
        {label}
      </a>
    </li>
  );
  return (
    <header className="app-header">
      <a className="brand" href="/" onClick={follow('cities')}>
        <FormattedMessage id="app.name" defaultMessage="Safer Cities Platform" />
      </a>
      <nav aria-label={intl.formatMessage({ id: 'nav.label', defaultMessage: 'Main' })}>
        <ul>
          {link('cities', <FormattedMessage id="nav.cities" defaultMessage="Cities" />)}
          {link('jobs', <FormattedMessage id="nav.jobs" defaultMessage="Jobs (administrators)" />)}
          <li>
            <AppLink href="/review" aria-current={window.location.pathname.startsWith('/review') ? 'page' : undefined}>
              <FormattedMessage id="nav.review" defaultMessage="Review of implementation" />
            </AppLink>
          </li>
        </ul>
      </nav>
      <LanguageSwitcher />
      <SessionMenu />
    </header>
  );
}
