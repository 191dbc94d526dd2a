-- Review mechanism, part 2 (issue 9): the state of each review document (approval by the state, publication), the
-- state's consents to publish, the Implementation Review Group's meetings, recommendations and the Board's decisions,
-- follow-up of recommendations to states, the technical-assistance register and the budget. Platform tables: no city_id.

-- One row per document of review_documents: which section a thematic report covers, the state's approval of a
-- country report, and when the document was published.
create table review_document_states (
  document_id bigint primary key references review_documents(id) on delete cascade,
  section text,
  approved_by text,
  approved_at timestamptz,
  published_at timestamptz
);

-- A state's recorded consent: to publish its full report, its self-assessment, or to be named in a thematic report.
create table review_consents (
  review_id text not null references review_participations(review_id) on delete cascade,
  subject text not null check (subject in ('full_report', 'self_assessment', 'named_in_thematic')),
  given boolean not null,
  recorded_by text not null,
  recorded_at timestamptz not null default now(),
  primary key (review_id, subject)
);

create table review_irg_meetings (
  id bigint generated always as identity primary key,
  cycle_id text references review_cycles(id) on delete set null,
  title text not null check (length(title) between 1 and 200),
  starts_on date not null,
  venue text not null check (venue in ('nairobi', 'online')),
  -- [{ "item": "review_progress", "note": "…" }, …]
  agenda jsonb not null,
  -- [{ "title": "…", "url": "…" }]
  documents jsonb not null default '[]'::jsonb,
  -- [{ "name": "…", "role": "…" }]
  participants jsonb not null default '[]'::jsonb,
  created_by text not null,
  created_at timestamptz not null default now()
);

create table review_irg_outcomes (
  id bigint generated always as identity primary key,
  meeting_id bigint not null references review_irg_meetings(id) on delete cascade,
  kind text not null check (kind in ('recommendation', 'conclusion')),
  text text not null check (length(text) between 1 and 20000),
  adopted_at timestamptz,
  transmitted_at timestamptz,
  created_by text not null,
  created_at timestamptz not null default now()
);

create table review_board_decisions (
  id bigint generated always as identity primary key,
  outcome_id bigint not null references review_irg_outcomes(id) on delete cascade,
  symbol text not null check (length(symbol) between 1 and 100),
  decided_on date not null,
  text text not null check (length(text) between 1 and 20000),
  recorded_by text not null,
  recorded_at timestamptz not null default now()
);

-- Recommendations to one state, followed up until the next cycle's checklist asks about them.
create table review_recommendations (
  id bigint generated always as identity primary key,
  review_id text not null references review_participations(review_id) on delete cascade,
  text text not null check (length(text) between 1 and 20000),
  due_on date,
  status text not null default 'open' check (status in ('open', 'in_progress', 'done', 'withdrawn')),
  last_reminded_at timestamptz,
  created_by text not null,
  created_at timestamptz not null default now()
);
create index review_recommendations_review_idx on review_recommendations (review_id, id);

create table review_follow_up_updates (
  id bigint generated always as identity primary key,
  recommendation_id bigint not null references review_recommendations(id) on delete cascade,
  status text not null check (status in ('open', 'in_progress', 'done', 'withdrawn')),
  body text not null check (length(body) between 1 and 20000),
  evidence jsonb not null default '[]'::jsonb,
  author text not null,
  at timestamptz not null default now()
);
create index review_follow_up_updates_idx on review_follow_up_updates (recommendation_id, id);

-- Technical assistance: offers from partners, and matches of a state's need (from its checklist) with an offer.
create table review_ta_offers (
  id bigint generated always as identity primary key,
  partner text not null check (length(partner) between 1 and 200),
  type text not null,
  subject text not null,
  details text not null default '',
  created_by text not null,
  created_at timestamptz not null default now()
);
create table review_ta_matches (
  id bigint generated always as identity primary key,
  review_id text not null references review_participations(review_id) on delete cascade,
  question_id text not null,
  need_index integer not null check (need_index >= 0),
  offer_id bigint not null references review_ta_offers(id) on delete cascade,
  status text not null default 'proposed' check (status in ('proposed', 'agreed', 'under_way', 'delivered', 'closed')),
  updated_by text not null,
  updated_at timestamptz not null default now()
);

-- Budget: biennial lines the secretariat prepares and the Board reviews, unconditional voluntary contributions
-- (seeds/002 para 32) and spending against lines. Amounts in minor units of their currency.
create table review_budget_lines (
  id bigint generated always as identity primary key,
  period text not null check (period ~ '^[0-9]{4}-[0-9]{4}$'),
  name text not null check (length(name) between 1 and 200),
  amount bigint not null check (amount >= 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  created_by text not null,
  created_at timestamptz not null default now()
);
create table review_contributions (
  id bigint generated always as identity primary key,
  donor text not null check (length(donor) between 1 and 200),
  amount bigint not null check (amount > 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  received_on date not null,
  unconditional boolean not null check (unconditional),
  recorded_by text not null,
  recorded_at timestamptz not null default now()
);
create table review_spending (
  id bigint generated always as identity primary key,
  line_id bigint not null references review_budget_lines(id) on delete cascade,
  amount bigint not null check (amount > 0),
  spent_on date not null,
  description text not null check (length(description) between 1 and 500),
  recorded_by text not null,
  recorded_at timestamptz not null default now()
);
