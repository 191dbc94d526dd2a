// A small router on the History API; the server answers every page path with index.html.
import { useCallback, useEffect, useState } from 'react';

/** The sections of the main navigation. */
export const routes = ['cities', 'jobs'] as const;
export type Route = (typeof routes)[number];

export const routePaths: Record<Route, string> = { cities: '/', jobs: '/jobs' };

/** Every page the app shows; a city's pages belong to the `cities` section. */
export type View =
  | { page: 'cities' }
  | { page: 'jobs' }
  | { page: 'city'; slug: string }
  | { page: 'cityImports'; slug: string }
  | { page: 'cityHotspots'; slug: string }
  | { page: 'citySurveys'; slug: string }
  | { page: 'cityModeration'; slug: string }
  | { page: 'cityIndicators'; slug: string }
  | { page: 'cityMonitoring'; slug: string };

export function viewOf(pathname: string): View {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/jobs') return { page: 'jobs' };
  const city = /^\/cities\/([^/]+)(\/imports|\/hotspots|\/surveys|\/moderation|\/indicators|\/monitoring)?$/.exec(path);
  if (city) {
    let slug: string;
    try {
      slug = decodeURIComponent(city[1]!);
    } catch {
      return { page: 'cities' };
    }
    if (city[2] === '/hotspots') return { page: 'cityHotspots', slug };
    if (city[2] === '/surveys') return { page: 'citySurveys', slug };
    if (city[2] === '/moderation') return { page: 'cityModeration', slug };
    if (city[2] === '/indicators') return { page: 'cityIndicators', slug };
    if (city[2] === '/monitoring') return { page: 'cityMonitoring', slug };
    return city[2] ? { page: 'cityImports', slug } : { page: 'city', slug };
  }
  return { page: 'cities' };
}

export function pathOf(view: View): string {
  switch (view.page) {
    case 'cities':
      return routePaths.cities;
    case 'jobs':
      return routePaths.jobs;
    case 'city':
      return `/cities/${encodeURIComponent(view.slug)}`;
    case 'cityImports':
      return `/cities/${encodeURIComponent(view.slug)}/imports`;
    case 'cityHotspots':
      return `/cities/${encodeURIComponent(view.slug)}/hotspots`;
    case 'citySurveys':
      return `/cities/${encodeURIComponent(view.slug)}/surveys`;
    case 'cityModeration':
      return `/cities/${encodeURIComponent(view.slug)}/moderation`;
    case 'cityIndicators':
      return `/cities/${encodeURIComponent(view.slug)}/indicators`;
    case 'cityMonitoring':
      return `/cities/${encodeURIComponent(view.slug)}/monitoring`;
    default: {
      const unreachable: never = view;
      throw new Error(`Unknown view ${String(unreachable)}`);
    }
  }
}

export function sectionOf(view: View): Route {
  return view.page === 'jobs' ? 'jobs' : 'cities';
}

const changeEvent = 'safer:navigate';

/** Moves to another page of the app without reloading (links use it through AppLink). */
export function navigateTo(path: string): void {
  if (path === window.location.pathname + window.location.search) return;
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(changeEvent));
}

export function useRoute(): { route: Route; view: View; navigate: (route: Route) => void } {
  const [path, setPath] = useState(() => window.location.pathname);

  useEffect(() => {
    const onChange = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onChange);
    window.addEventListener(changeEvent, onChange);
    return () => {
      window.removeEventListener('popstate', onChange);
      window.removeEventListener(changeEvent, onChange);
    };
  }, []);

  const navigate = useCallback((next: Route) => navigateTo(routePaths[next]), []);
  const view = viewOf(path);
  return { route: sectionOf(view), view, navigate };
}
