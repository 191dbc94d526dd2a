import { lazy, Suspense, useEffect, useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { AppHeader } from './components/app-header.tsx';
import { AccountPage } from './pages/account/account-page.tsx';
import { accountPath, accountViewOf } from './pages/account/account-routes.ts';
import { SessionProvider } from './pages/account/session-context.tsx';
import { CitiesPage } from './pages/cities-page.tsx';
import { JobsPage } from './pages/jobs-page.tsx';
import { reviewPublicPathOf, reviewPublicViewOf } from './pages/review/public-routes.ts';
import { reviewPathOf, reviewViewOf } from './pages/review/review-routes.ts';
import { pathOf, useRoute, type View } from './use-route.ts';

// A city's pages bring the map, the ICCS table and the charts: loaded when first visited.
const CityPage = lazy(() => import('./pages/city/city-page.tsx').then((m) => ({ default: m.CityPage })));
const HotspotsPage = lazy(() => import('./pages/city/hotspots-page.tsx').then((m) => ({ default: m.HotspotsPage })));
const ImportsPage = lazy(() => import('./pages/city/imports-page.tsx').then((m) => ({ default: m.ImportsPage })));
// The review mechanism's pages (src/web/pages/review), under /review.
const ReviewPage = lazy(() => import('./pages/review/review-page.tsx').then((m) => ({ default: m.ReviewPage })));
const SurveysPage = lazy(() => import('./pages/surveys/surveys-page.tsx').then((m) => ({ default: m.SurveysPage })));
const ModerationPage = lazy(() => import('./pages/community/moderation-page.tsx').then((m) => ({ default: m.ModerationPage })));
const IndicatorsPage = lazy(() => import('./pages/indicators/indicators-page.tsx').then((m) => ({ default: m.IndicatorsPage })));
const MonitoringPage = lazy(() => import('./pages/indicators/monitoring-page.tsx').then((m) => ({ default: m.MonitoringPage })));
const ReviewPublicPage = lazy(() => import('./pages/review/public-pages.tsx').then((m) => ({ default: m.ReviewPublicPage })));

function Page({ view }: { view: View }) {
  switch (view.page) {
    case 'cities':
      return <CitiesPage />;
    case 'jobs':
      return <JobsPage />;
    case 'city':
      return <CityPage key={view.slug} slug={view.slug} />;
    case 'cityImports':
      return <ImportsPage key={view.slug} slug={view.slug} />;
    case 'cityHotspots':
      return <HotspotsPage key={view.slug} slug={view.slug} />;
    case 'citySurveys':
      return <SurveysPage key={view.slug} slug={view.slug} />;
    case 'cityModeration':
      return <ModerationPage key={view.slug} slug={view.slug} />;
    case 'cityIndicators':
      return <IndicatorsPage key={view.slug} slug={view.slug} />;
    case 'cityMonitoring':
      return <MonitoringPage key={view.slug} slug={view.slug} />;
    default: {
      const unreachable: never = view;
      throw new Error(`Unknown page ${String(unreachable)}`);
    }
  }
}

export function App() {
  const intl = useIntl();
  const { route, view, navigate } = useRoute();
  // Sign-in, first-run setup, invitations, password reset and the account page (src/web/pages/account).
  const accountView = accountViewOf(window.location.pathname);
  const reviewView = accountView ? undefined : reviewViewOf(window.location.pathname);
  const reviewPublicView = accountView || reviewView ? undefined : reviewPublicViewOf(window.location.pathname);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const path = accountView ? accountPath(accountView.page) : reviewView ? reviewPathOf(reviewView) : reviewPublicView ? reviewPublicPathOf(reviewPublicView) : pathOf(view);

  // A city's pages and the account pages set their own title.
  const pageTitle =
    accountView || reviewView || reviewPublicView
    ? undefined
    : view.page === 'jobs'
      ? intl.formatMessage({ id: 'jobs.title', defaultMessage: 'Jobs' })
      : view.page === 'cities'
        ? intl.formatMessage({ id: 'cities.title', defaultMessage: 'Cities' })
        : undefined;
  const appName = intl.formatMessage({ id: 'app.name', defaultMessage: 'Safer Cities Platform' });

  useEffect(() => {
    if (pageTitle === undefined) return;
    document.title = intl.formatMessage(
      { id: 'app.documentTitle', defaultMessage: '{page} – {app}' },
      { page: pageTitle, app: appName },
    );
  }, [intl, pageTitle, appName]);

  // After moving to another page, put the keyboard and screen reader at its heading.
  useEffect(() => {
    void path;
    if (first.current) {
      first.current = false;
      return;
    }
    // A lazily loaded page shows its heading a moment later (the page left may linger, hidden).
    let tries = 0;
    const focus = () => {
      const headings = [...(main.current?.querySelectorAll<HTMLElement>('h1') ?? [])];
      const heading = headings.find((h) => h.checkVisibility());
      if (heading) heading.focus();
      else if (tries++ < 50) timer = window.setTimeout(focus, 50);
    };
    let timer = window.setTimeout(focus, 0);
    return () => window.clearTimeout(timer);
  }, [path]);

  return (
    <SessionProvider>
      <a className="skip-link" href="#main">
        <FormattedMessage id="app.skipToContent" defaultMessage="Skip to main content" />
      </a>
      <AppHeader route={route} navigate={navigate} />
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense
          fallback={
            <p role="status">
              <FormattedMessage id="app.loadingPage" defaultMessage="Loading the page…" />
            </p>
          }
        >
          {accountView ? <AccountPage view={accountView} /> : reviewView ? <ReviewPage view={reviewView} /> : reviewPublicView ? <ReviewPublicPage view={reviewPublicView} /> : <Page view={view} />}
        </Suspense>
      </main>
      <footer className="app-footer">
        <p>
          <FormattedMessage
            id="app.footer"
            defaultMessage="Supporting the UN System-Wide Guidelines on Safer Cities and Human Settlements."
          />
        </p>
      </footer>
    </SessionProvider>
  );
}
