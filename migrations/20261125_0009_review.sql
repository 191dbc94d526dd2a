-- Review mechanism, part 1 (issue 8): cycles, participation, the self-assessment checklist with its answers and
-- submitted versions, evidence files, the national peer-review proposal, dialogue threads and mail notifications.
-- Documents with a translation per language (part 2 builds its reports on them) are here too, so the checklist and
-- proposal exports and later the reports share one place. Platform tables (DESIGN §3): no city_id.

create table review_cycles (
  id text primary key check (id ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  title text not null check (length(title) between 1 and 200),
  board_decision_symbol text not null,
  board_decision_date date not null,
  -- parts of the guidelines reviewed: ["principles", "organisation", …]
  scope jsonb not null,
  -- [{ "stage": "self_assessment", "deadline": "2027-03-31" }, …]
  stages jsonb not null,
  first_cycle boolean not null default false,
  checklist_version integer not null,
  -- the example cycle of `safer review example`: labelled EXAMPLE wherever it shows
  example boolean not null default false,
  created_by text not null,
  created_at timestamptz not null default now()
);

create table review_participations (
  cycle_id text not null references review_cycles(id) on delete cascade,
  country text not null check (country ~ '^[A-Z]{3}$'),
  -- the scope of review:peer_reviewer grants: '<cycle>-<country in lower case>'
  review_id text not null unique,
  status text not null check (status in ('requested', 'approved', 'withdrawn')),
  stage text not null default 'self_assessment'
    check (stage in ('self_assessment', 'desk_review', 'dialogue', 'report', 'approval', 'publication')),
  language text not null default 'en' check (language in ('ar', 'en', 'es', 'fr', 'ru', 'zh')),
  board_decision_symbol text,
  requested_by text not null,
  requested_at timestamptz not null default now(),
  approved_by text,
  approved_at timestamptz,
  primary key (cycle_id, country)
);
create index review_participations_country_idx on review_participations (country);

-- One checklist per approved participation. status: the latest version's place in draft → submitted → cleared.
create table review_checklists (
  review_id text primary key references review_participations(review_id) on delete cascade,
  template_version integer not null,
  status text not null default 'draft' check (status in ('draft', 'submitted', 'cleared')),
  confidentiality text not null default 'state_and_reviewers'
    check (confidentiality in ('state', 'state_and_reviewers', 'secretariat', 'public')),
  -- the review whose answers were carried over into this one
  carried_from text,
  updated_at timestamptz not null default now()
);

-- The working answers. version rises by one on every write: a write naming an older version is refused (409).
create table review_answers (
  review_id text not null references review_checklists(review_id) on delete cascade,
  question_id text not null,
  version integer not null check (version >= 1),
  answer jsonb not null,
  -- written by the secretariat at the state's request (seeds/002 para 15)
  assisted boolean not null default false,
  -- carried over from the previous cycle and not yet edited
  carried_over boolean not null default false,
  updated_by text not null,
  updated_at timestamptz not null default now(),
  primary key (review_id, question_id)
);

-- Every submitted version, kept whole for comparison; cleared by a focal point.
create table review_submissions (
  review_id text not null references review_checklists(review_id) on delete cascade,
  number integer not null check (number >= 1),
  answers jsonb not null,
  assisted_questions jsonb not null default '[]'::jsonb,
  submitted_by text not null,
  submitted_at timestamptz not null default now(),
  cleared_by text,
  cleared_at timestamptz,
  primary key (review_id, number)
);

create table review_evidence_files (
  id bigint generated always as identity primary key,
  review_id text not null references review_checklists(review_id) on delete cascade,
  question_id text not null,
  name text not null check (length(name) between 1 and 300),
  media_type text not null,
  size integer not null check (size >= 0),
  content bytea not null,
  uploaded_by text not null,
  uploaded_at timestamptz not null default now()
);
create index review_evidence_files_review_idx on review_evidence_files (review_id, question_id);

-- The peer-review proposal template, versioned: a new version is a new row.
create table review_proposal_templates (
  version integer primary key check (version >= 1),
  fields jsonb not null,
  created_by text not null,
  created_at timestamptz not null default now()
);

create table review_proposals (
  review_id text primary key references review_participations(review_id) on delete cascade,
  template_version integer not null references review_proposal_templates(version),
  content jsonb not null default '{}'::jsonb,
  version integer not null default 0,
  status text not null default 'draft' check (status in ('draft', 'cleared')),
  confidentiality text not null default 'state_and_reviewers'
    check (confidentiality in ('state', 'state_and_reviewers', 'secretariat', 'public')),
  updated_by text,
  updated_at timestamptz not null default now(),
  cleared_by text,
  cleared_at timestamptz
);

-- Dialogue: a thread per question (or on the review as a whole when question_id is null); every message in a
-- thread shares its confidentiality level.
create table review_threads (
  id bigint generated always as identity primary key,
  review_id text not null references review_participations(review_id) on delete cascade,
  question_id text,
  confidentiality text not null check (confidentiality in ('state', 'state_and_reviewers', 'secretariat', 'public')),
  opened_by text not null,
  opened_at timestamptz not null default now()
);
create index review_threads_review_idx on review_threads (review_id, id);

create table review_messages (
  id bigint generated always as identity primary key,
  thread_id bigint not null references review_threads(id) on delete cascade,
  author text not null,
  side text not null check (side in ('state', 'reviewer', 'secretariat')),
  body text not null check (length(body) between 1 and 20000),
  at timestamptz not null default now()
);
create index review_messages_thread_idx on review_messages (thread_id, id);

-- Documents of a review with one row per language (part 2: reports, executive summaries, thematic reports).
create table review_documents (
  id bigint generated always as identity primary key,
  review_id text references review_participations(review_id) on delete cascade,
  cycle_id text references review_cycles(id) on delete cascade,
  kind text not null,
  confidentiality text not null check (confidentiality in ('state', 'state_and_reviewers', 'secretariat', 'public')),
  created_by text not null,
  created_at timestamptz not null default now()
);
create table review_document_translations (
  document_id bigint not null references review_documents(id) on delete cascade,
  language text not null check (language in ('ar', 'en', 'es', 'fr', 'ru', 'zh')),
  status text not null check (status in ('missing', 'draft', 'verified')),
  translator text,
  body text not null default '',
  updated_at timestamptz not null default now(),
  primary key (document_id, language)
);

-- Mail: each person chooses immediate mails or a daily digest; the notifications wait here until sent.
create table review_mail_preferences (
  user_id integer primary key references users(id) on delete cascade,
  mode text not null check (mode in ('immediate', 'digest', 'none'))
);
create table review_notifications (
  id bigint generated always as identity primary key,
  user_id integer not null references users(id) on delete cascade,
  review_id text not null,
  kind text not null,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index review_notifications_pending_idx on review_notifications (user_id, id) where sent_at is null;
