// The review mechanism's public pages and the secretariat's publication page, under /review.
export type ReviewPublicView =
  | { page: 'calendar' }
  | { page: 'state'; country: string }
  | { page: 'publication' }
  | { page: 'governance' }
  | { page: 'stateReports'; country: string; review: string }
  | { page: 'documents'; review: string }
  | { page: 'translate'; language: string; id: number };

export function reviewPublicViewOf(pathname: string): ReviewPublicView | undefined {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/review/calendar') return { page: 'calendar' };
  if (path === '/review/publication') return { page: 'publication' };
  if (path === '/review/governance') return { page: 'governance' };
  let m = /^\/review\/states\/([A-Z]{3})$/.exec(path);
  if (m) return { page: 'state', country: m[1]! };
  m = /^\/review\/countries\/([A-Z]{3})\/reports\/([a-z0-9-]+)$/.exec(path);
  if (m) return { page: 'stateReports', country: m[1]!, review: m[2]! };
  m = /^\/review\/reports\/([a-z0-9-]+)$/.exec(path);
  if (m) return { page: 'documents', review: m[1]! };
  m = /^\/review\/translate\/(ar|en|es|fr|ru|zh)\/(\d+)$/.exec(path);
  if (m) return { page: 'translate', language: m[1]!, id: Number(m[2]) };
  return undefined;
}

export function reviewPublicPathOf(view: ReviewPublicView): string {
  switch (view.page) {
    case 'calendar':
      return '/review/calendar';
    case 'publication':
      return '/review/publication';
    case 'governance':
      return '/review/governance';
    case 'stateReports':
      return `/review/countries/${view.country}/reports/${view.review}`;
    case 'state':
      return `/review/states/${view.country}`;
    case 'documents':
      return `/review/reports/${view.review}`;
    case 'translate':
      return `/review/translate/${view.language}/${view.id}`;
    default: {
      const unreachable: never = view;
      throw new Error(`Unknown review page ${String(unreachable)}`);
    }
  }
}
