// The account pages' paths. Links that carry a secret carry it in the fragment (#token=…), which the browser
// never sends to the server, so it reaches no log and no Referer.
export type AccountView =
  | { page: 'signIn' }
  | { page: 'setup' }
  | { page: 'invitation' }
  | { page: 'passwordReset' }
  | { page: 'account' }
  | { page: 'people' }
  | { page: 'tokens' };

const paths: Record<AccountView['page'], string> = {
  signIn: '/sign-in',
  setup: '/setup',
  invitation: '/invitation',
  passwordReset: '/password-reset',
  account: '/account',
  people: '/people',
  tokens: '/tokens',
};

export function accountPath(page: AccountView['page']): string {
  return paths[page];
}

/** The account page at a path, or undefined for the app's other pages. */
export function accountViewOf(pathname: string): AccountView | undefined {
  const path = pathname.replace(/\/+$/, '');
  const found = (Object.entries(paths) as [AccountView['page'], string][]).find(([, p]) => p === path);
  return found ? { page: found[0] } : undefined;
}

/** The token in the page's fragment, if any. */
export function tokenFromHash(hash: string = window.location.hash): string | undefined {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && /^[\w-]{20,100}$/.test(token) ? token : undefined;
}
