// A two-page router on the History API; the server answers every page path with index.html.
import { useCallback, useEffect, useState } from 'react';

export const routes = ['cities', 'jobs'] as const;
export type Route = (typeof routes)[number];

export const routePaths: Record<Route, string> = { cities: '/', jobs: '/jobs' };

function routeOf(pathname: string): Route {
  return pathname.replace(/\/+$/, '') === '/jobs' ? 'jobs' : 'cities';
}

export function useRoute(): { route: Route; navigate: (route: Route) => void } {
  const [route, setRoute] = useState<Route>(() => routeOf(window.location.pathname));

  useEffect(() => {
    const onPop = () => setRoute(routeOf(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((next: Route) => {
    window.history.pushState(null, '', routePaths[next]);
    setRoute(next);
  }, []);

  return { route, navigate };
}
