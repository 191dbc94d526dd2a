// The review mechanism's pages, under /review.
export type ReviewView =
  | { page: 'cycles' }
  | { page: 'cycle'; cycle: string }
  | { page: 'checklist'; country: string; review: string }
  | { page: 'reviewerChecklist'; review: string }
  | { page: 'proposal'; country: string; review: string };

export function reviewViewOf(pathname: string): ReviewView | undefined {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/review') return { page: 'cycles' };
  let m = /^\/review\/cycles\/([a-z0-9-]+)$/.exec(path);
  if (m) return { page: 'cycle', cycle: m[1]! };
  m = /^\/review\/countries\/([A-Z]{3})\/checklists\/([a-z0-9-]+)$/.exec(path);
  if (m) return { page: 'checklist', country: m[1]!, review: m[2]! };
  m = /^\/review\/countries\/([A-Z]{3})\/proposals\/([a-z0-9-]+)$/.exec(path);
  if (m) return { page: 'proposal', country: m[1]!, review: m[2]! };
  m = /^\/review\/reviews\/([a-z0-9-]+)$/.exec(path);
  if (m) return { page: 'reviewerChecklist', review: m[1]! };
  return undefined;
}

export function reviewPathOf(view: ReviewView): string {
  switch (view.page) {
    case 'cycles':
      return '/review';
    case 'cycle':
      return `/review/cycles/${view.cycle}`;
    case 'checklist':
      return `/review/countries/${view.country}/checklists/${view.review}`;
    case 'proposal':
      return `/review/countries/${view.country}/proposals/${view.review}`;
    case 'reviewerChecklist':
      return `/review/reviews/${view.review}`;
    default: {
      const unreachable: never = view;
      throw new Error(`Unknown review page ${String(unreachable)}`);
    }
  }
}
