/** Test databases on the throwaway PostgreSQL are all named safer_test_* and dropped at the end of the run. */
export const PG_TEMPLATE_DB = 'safer_test_template';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
