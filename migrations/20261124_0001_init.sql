-- The platform's first schema: cities (the tenancy root) and the persisted job queue.
-- Tenancy rule (DESIGN §3): every city-scoped table has city_id as the first column of its primary key, and a
-- foreign key between city-scoped tables carries city_id. `cities` and `jobs` are platform tables.

create table cities (
  id integer generated always as identity primary key,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null check (length(name) between 1 and 200),
  country char(3) not null check (country ~ '^[A-Z]{3}$'),
  timezone text not null,
  created_at timestamptz not null default now()
);

create table jobs (
  id bigint generated always as identity primary key,
  kind text not null,
  payload jsonb not null default '{}'::jsonb,
  status text not null default 'queued'
    check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  progress_done bigint not null default 0,
  progress_total bigint,
  progress_note text,
  attempts integer not null default 0,
  max_attempts integer not null default 3 check (max_attempts >= 1),
  run_at timestamptz not null default now(),
  locked_by text,
  locked_at timestamptz,
  cancel_requested boolean not null default false,
  error text,
  result jsonb,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz
);

create index jobs_due_idx on jobs (run_at, id) where status = 'queued';
create index jobs_created_idx on jobs (created_at desc, id desc);
