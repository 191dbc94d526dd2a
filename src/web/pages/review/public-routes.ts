// The review mechanism's public pages and the secretariat's publication page, under /review.
export type ReviewPublicView = { page: 'calendar' } | { page: 'state'; country: string } | { page: 'publication' };

export function reviewPublicViewOf(pathname: string): ReviewPublicView | undefined {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/review/calendar') return { page: 'calendar' };
  if (path === '/review/publication') return { page: 'publication' };
  const m = /^\/review\/states\/([A-Z]{3})$/.exec(path);
  if (m) return { page: 'state', country: m[1]! };
  return undefined;
}

export function reviewPublicPathOf(view: ReviewPublicView): string {
  switch (view.page) {
    case 'calendar':
      return '/review/calendar';
    case 'publication':
      return '/review/publication';
    case 'state':
      return `/review/states/${view.country}`;
    default: {
      const unreachable: never = view;
      throw new Error(`Unknown review page ${String(unreachable)}`);
    }
  }
}
