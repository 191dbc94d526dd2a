-- City data (issue: administrative units, population, incidents, aggregates).
-- Every table is city-scoped: city_id first in the primary key; foreign keys between them carry city_id.

-- Names of the levels of a city's units (e.g. 1 = district, 2 = ward).
create table unit_levels (
  city_id integer not null references cities(id) on delete cascade,
  level smallint not null check (level between 1 and 9),
  name text not null,
  primary key (city_id, level)
);

-- Administrative units, one row per boundary version. `code` is the unit's id as imported; a newer boundary file
-- for the same code closes the older version (valid_to_year) and keeps it for earlier years.
create table units (
  city_id integer not null references cities(id) on delete cascade,
  id bigint generated always as identity,
  code text not null,
  name text not null,
  level smallint not null default 1 check (level between 1 and 9),
  parent_code text,
  valid_from_year integer not null default 0,
  valid_to_year integer,
  geometry jsonb not null,
  min_lon double precision not null,
  min_lat double precision not null,
  max_lon double precision not null,
  max_lat double precision not null,
  area_m2 double precision not null,
  issues jsonb not null default '[]'::jsonb,
  created_at timestamptz not null default now(),
  primary key (city_id, id),
  unique (city_id, level, code, valid_from_year),
  check (valid_to_year is null or valid_to_year > valid_from_year)
);

-- Population per unit, year, sex and age band; `total` stands for all sexes or all ages.
create table population (
  city_id integer not null references cities(id) on delete cascade,
  unit_code text not null,
  year integer not null check (year between 1800 and 2200),
  sex text not null check (sex in ('female', 'male', 'other', 'unknown', 'total')),
  age_band text not null,
  population double precision not null check (population >= 0),
  primary key (city_id, unit_code, year, sex, age_band)
);

-- One import of a file. Its records become visible only when status = 'complete'.
create table import_batches (
  city_id integer not null references cities(id) on delete cascade,
  id bigint generated always as identity,
  kind text not null check (kind in ('incidents', 'units', 'population')),
  source text,
  file_name text not null,
  file_sha256 text not null,
  profile jsonb,
  status text not null default 'running' check (status in ('running', 'complete', 'failed', 'undone')),
  job_id bigint,
  rows_read integer not null default 0,
  rows_imported integer not null default 0,
  rows_updated integer not null default 0,
  rows_unchanged integer not null default 0,
  rows_rejected integer not null default 0,
  rows_outside integer not null default 0,
  error text,
  created_at timestamptz not null default now(),
  completed_at timestamptz,
  undone_at timestamptz,
  -- Refreshed by a running import after every insert batch; a running batch whose heartbeat is old was left by a
  -- process that died, and its rows are cleaned up.
  heartbeat_at timestamptz not null default now(),
  primary key (city_id, id)
);

-- Rows an import rejected, with the reason (line numbers count the header as line 1).
create table import_rejections (
  city_id integer not null,
  batch_id bigint not null,
  line integer not null,
  field text not null,
  value text,
  reason text not null,
  primary key (city_id, batch_id, line, field),
  foreign key (city_id, batch_id) references import_batches(city_id, id) on delete cascade
);

-- Police and health records. `record_key` identifies a record across extracts: the profile's id columns, or the
-- row's content and its occurrence number in the file. A newer extract that changes a record replaces it
-- (replaced_by_batch); undoing that batch brings the older version back.
create table incidents (
  city_id integer not null,
  id bigint generated always as identity,
  batch_id bigint not null,
  record_key text not null,
  content_hash text not null,
  source text not null,
  occurred_at timestamptz not null,
  occurred_on date not null,
  month date not null,
  iccs text not null,
  local_category text,
  sex text not null default 'unknown' check (sex in ('female', 'male', 'other', 'unknown')),
  age integer check (age between 0 and 130),
  age_band text not null default 'unknown',
  lon double precision,
  lat double precision,
  unit_id bigint,
  outside boolean not null default false,
  h3_r10 text,
  replaced_by_batch bigint,
  primary key (city_id, id),
  foreign key (city_id, batch_id) references import_batches(city_id, id),
  foreign key (city_id, unit_id) references units(city_id, id)
);
create index incidents_key_idx on incidents (city_id, source, record_key);
create index incidents_batch_idx on incidents (city_id, batch_id);
create index incidents_day_idx on incidents (city_id, occurred_on);

-- Counts kept by imports so dashboards never scan raw incidents (DESIGN §3). unit_id 0 stands for "outside every
-- unit" so the key has no nulls.
create table incident_aggregates (
  city_id integer not null,
  unit_id bigint not null,
  month date not null,
  iccs text not null,
  sex text not null,
  age_band text not null,
  source text not null,
  count integer not null check (count >= 0),
  primary key (city_id, unit_id, month, iccs, sex, age_band, source)
);

-- The same by H3 cell (resolution 10; coarser resolutions are its parents) for grids and hotspots.
create table incident_cell_aggregates (
  city_id integer not null,
  h3_r10 text not null,
  month date not null,
  iccs text not null,
  source text not null,
  count integer not null check (count >= 0),
  primary key (city_id, h3_r10, month, iccs, source)
);
