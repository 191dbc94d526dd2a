-- Community reporting of unsafe places, moderation, safety audits and Open311 (issue 7).
-- Every table is city-scoped: city_id first in the primary key; foreign keys between them carry city_id.

-- A city's community settings: how long contact details are kept, extra languages of its community pages.
create table community_settings (
  city_id integer not null references cities(id) on delete cascade,
  contact_retention_days integer not null default 90 check (contact_retention_days between 1 and 3650),
  languages jsonb not null default '[]'::jsonb,
  primary key (city_id)
);

-- Report categories; `code` is the Open311 service code. `names` maps a language code to the name.
-- A sensitive category never appears on the public map, in public statistics or in Open311's public GET.
create table community_categories (
  city_id integer not null references cities(id) on delete cascade,
  code text not null check (code ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
  names jsonb not null,
  sensitive boolean not null default false,
  active boolean not null default true,
  position smallint not null default 0,
  primary key (city_id, code)
);

-- Reports of unsafe places. The exact point (when given) is read only by the city's moderators; the public sees
-- the H3 cell and its centre, derived when the report is written. No network address is stored.
-- `follow_token_hash` is the SHA-256 of the private follow link's token. `idempotency_key` makes a retried
-- submission return the first answer: the unique constraint, not a read before the write, decides.
create table community_reports (
  city_id integer not null references cities(id) on delete cascade,
  id bigint generated always as identity,
  public_id text not null check (public_id ~ '^[a-z2-7]{10}$'),
  follow_token_hash text not null check (follow_token_hash ~ '^[0-9a-f]{64}$'),
  idempotency_key text check (length(idempotency_key) between 1 and 200),
  request_hash text,
  source text not null default 'api' check (source in ('api', 'form', 'open311')),
  category text not null,
  description text not null,
  public_description text,
  location_kind text not null check (location_kind in ('point', 'unit', 'landmark')),
  exact_lat double precision,
  exact_lon double precision,
  cell text,
  public_lat double precision,
  public_lon double precision,
  unit_code text,
  landmark text,
  times jsonb not null default '[]'::jsonb,
  days jsonb not null default '[]'::jsonb,
  who jsonb not null default '[]'::jsonb,
  flags jsonb not null default '[]'::jsonb,
  moderation text not null default 'pending' check (moderation in ('pending', 'approved', 'hidden', 'merged')),
  merged_into bigint,
  status text not null default 'received' check (status in ('received', 'acknowledged', 'in_progress', 'resolved', 'closed')),
  department text,
  submitted_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (city_id, id),
  unique (city_id, public_id),
  unique (city_id, follow_token_hash),
  unique (city_id, idempotency_key),
  foreign key (city_id, category) references community_categories (city_id, code)
);
create index community_reports_queue_idx on community_reports (city_id, moderation, submitted_at);

-- Contact details, apart from the report so that the retention job deletes them and nothing else.
create table community_contacts (
  city_id integer not null,
  report_id bigint not null,
  contact text not null,
  delete_after timestamptz not null,
  primary key (city_id, report_id),
  foreign key (city_id, report_id) references community_reports (city_id, id) on delete cascade
);
create index community_contacts_due_idx on community_contacts (delete_after);

-- Photos, re-encoded and stripped of metadata before they are stored; seen by moderators only.
create table community_photos (
  city_id integer not null,
  report_id bigint not null,
  id bigint generated always as identity,
  mime text not null,
  width integer not null,
  height integer not null,
  data bytea not null,
  primary key (city_id, id),
  foreign key (city_id, report_id) references community_reports (city_id, id) on delete cascade
);
create index community_photos_report_idx on community_photos (city_id, report_id);

-- What happened to a report: status changes (with their dates), public answers, the resident's additions,
-- forwarding, redaction, hiding, merging. `public` events show on the follow page and the public report.
create table community_report_events (
  city_id integer not null,
  report_id bigint not null,
  id bigint generated always as identity,
  at timestamptz not null default now(),
  kind text not null check (kind in ('status', 'answer', 'addition', 'forward', 'approve', 'redact', 'hide', 'merge')),
  public boolean not null default false,
  status text,
  department text,
  body text,
  actor text not null,
  primary key (city_id, id),
  foreign key (city_id, report_id) references community_reports (city_id, id) on delete cascade
);
create index community_report_events_report_idx on community_report_events (city_id, report_id, at);

-- Safety audits of a place: the nine parameters of women's safety audits, each 0–3. The point is generalised to
-- its H3 cell when written; the exact point is not kept.
create table community_audits (
  city_id integer not null references cities(id) on delete cascade,
  id bigint generated always as identity,
  cell text,
  public_lat double precision,
  public_lon double precision,
  unit_code text,
  place text,
  scores jsonb not null,
  audited_at timestamptz not null default now(),
  primary key (city_id, id)
);
create index community_audits_cell_idx on community_audits (city_id, cell);
