// A throwaway PostgreSQL database for a bench, on the server at BENCH_DATABASE_URL (read by the benches only: they
// are tooling, not the app). Named safer_bench_<name>_<pid> so runs side by side do not meet; dropped at the end.
import pg from 'pg';

export type BenchDatabase = { name: string; url: string; drop(): Promise<void> };

/** The server the benches may use, or undefined when BENCH_DATABASE_URL is not set. */
export function benchServerUrl(): string | undefined {
  const url = process.env.BENCH_DATABASE_URL;
  return url && url.trim() !== '' ? url.trim() : undefined;
}

export async function createBenchDatabase(serverUrl: string, name: string): Promise<BenchDatabase> {
  const db = `safer_bench_${name}_${process.pid}`;
  if (!/^[a-z0-9_]+$/.test(db)) throw new Error(`bad database name ${db}`);
  await adminQuery(serverUrl, `drop database if exists ${db} with (force)`);
  await adminQuery(serverUrl, `create database ${db}`);
  const url = new URL(serverUrl);
  url.pathname = `/${db}`;
  return {
    name: db,
    url: url.toString(),
    drop: () => adminQuery(serverUrl, `drop database if exists ${db} with (force)`),
  };
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
