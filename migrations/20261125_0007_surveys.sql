-- Perception and victimisation surveys imported from an XLSForm (KoBoToolbox/ODK) and its submissions export.
-- `survey_responses` keeps each accepted submission; `survey_columns` keeps the same responses column by column
-- (typed arrays: weights, design, keys, one column per indicator outcome and per select question), which is what
-- indicator queries read.
create table surveys (
  city_id integer not null references cities(id) on delete cascade,
  id bigint generated always as identity,
  name text not null,
  form_id text,
  form_version text,
  form_file text not null,
  data_file text not null,
  mapping jsonb not null,
  languages jsonb not null default '[]',
  status text not null default 'running' check (status in ('running', 'complete', 'failed')),
  job_id bigint,
  rows_read integer not null default 0,
  rows_imported integer not null default 0,
  rows_rejected integer not null default 0,
  rows_outside integer not null default 0,
  repeats jsonb not null default '[]',
  indicators jsonb not null default '[]',
  meta jsonb,
  first_date date,
  last_date date,
  error text,
  created_at timestamptz not null default now(),
  completed_at timestamptz,
  primary key (city_id, id)
);

create table survey_rejections (
  city_id integer not null,
  survey_id bigint not null,
  line integer not null,
  field text not null,
  value text,
  reason text not null,
  primary key (city_id, survey_id, line, field),
  foreign key (city_id, survey_id) references surveys(city_id, id) on delete cascade
);

create table survey_responses (
  city_id integer not null,
  survey_id bigint not null,
  line integer not null,
  weight double precision not null,
  stratum text,
  cluster text,
  interviewed_on date,
  sex text not null check (sex in ('female', 'male', 'other', 'unknown')),
  age_band text not null,
  disability text not null check (disability in ('yes', 'no', 'unknown')),
  unit_code text,
  places integer not null default 0,
  outcomes jsonb not null,
  answers jsonb not null,
  primary key (city_id, survey_id, line),
  foreign key (city_id, survey_id) references surveys(city_id, id) on delete cascade
);

create table survey_columns (
  city_id integer not null,
  survey_id bigint not null,
  name text not null,
  data bytea not null,
  primary key (city_id, survey_id, name),
  foreign key (city_id, survey_id) references surveys(city_id, id) on delete cascade
);
