import { useEffect, useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { AppHeader } from './components/app-header.tsx';
import { CitiesPage } from './pages/cities-page.tsx';
import { JobsPage } from './pages/jobs-page.tsx';
import { type Route, useRoute } from './use-route.ts';

function Page({ route }: { route: Route }) {
  switch (route) {
    case 'cities':
      return <CitiesPage />;
    case 'jobs':
      return <JobsPage />;
    default: {
      const unreachable: never = route;
      throw new Error(`Unknown route ${String(unreachable)}`);
    }
  }
}

export function App() {
  const intl = useIntl();
  const { route, navigate } = useRoute();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  const pageTitle =
    route === 'jobs'
      ? intl.formatMessage({ id: 'jobs.title', defaultMessage: 'Jobs' })
      : intl.formatMessage({ id: 'cities.title', defaultMessage: 'Cities' });
  const appName = intl.formatMessage({ id: 'app.name', defaultMessage: 'Safer Cities Platform' });

  useEffect(() => {
    document.title = intl.formatMessage(
      { id: 'app.documentTitle', defaultMessage: '{page} – {app}' },
      { page: pageTitle, app: appName },
    );
  }, [intl, pageTitle, appName]);

  // After moving to another page, put the keyboard and screen reader at its heading.
  useEffect(() => {
    void route;
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [route]);

  return (
    <>
      <a className="skip-link" href="#main">
        <FormattedMessage id="app.skipToContent" defaultMessage="Skip to main content" />
      </a>
      <AppHeader route={route} navigate={navigate} />
      <main id="main" ref={main} tabIndex={-1}>
        <Page route={route} />
      </main>
      <footer className="app-footer">
        <p>
          <FormattedMessage
            id="app.footer"
            defaultMessage="Supporting the UN System-Wide Guidelines on Safer Cities and Human Settlements."
          />
        </p>
      </footer>
    </>
  );
}
