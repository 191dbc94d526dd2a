-- Accounts, scoped roles, sessions, one-time links, sign-in throttling and the audit log (issue 4).
-- Tenancy (DESIGN §3): role grants on a city live in city_role_grants, city_id first in its key; every other table
-- here is a platform table (a reference table when distributed), which a city-scoped table may reference.

create table users (
  id integer generated always as identity primary key,
  email text not null unique check (email = lower(email) and length(email) between 3 and 254),
  display_name text not null check (length(display_name) between 1 and 200),
  -- argon2id, PHC string format
  password_hash text not null,
  status text not null default 'active' check (status in ('active', 'deactivated')),
  -- base32 TOTP secret once confirmed; the pending one while the person sets up their authenticator
  totp_secret text,
  totp_pending_secret text,
  -- the last 30-second step a TOTP code was accepted for: a code is never accepted twice
  totp_last_step bigint,
  created_at timestamptz not null default now(),
  password_changed_at timestamptz not null default now(),
  deactivated_at timestamptz
);

-- Single-use recovery codes for the second factor, SHA-256 of the code.
create table recovery_codes (
  user_id integer not null references users(id) on delete cascade,
  code_hash text not null,
  used_at timestamptz,
  primary key (user_id, code_hash)
);

-- Platform-wide, language, country and review grants. scope_id is '' for a platform-wide role.
create table role_grants (
  user_id integer not null references users(id) on delete cascade,
  role text not null check (role in ('platform:secretariat', 'platform:board', 'platform:observer',
    'language:translator', 'country:focal_point', 'country:expert', 'review:peer_reviewer')),
  scope_kind text not null check (scope_kind in ('platform', 'language', 'country', 'review')),
  scope_id text not null default '',
  granted_by text not null,
  granted_at timestamptz not null default now(),
  primary key (user_id, role, scope_id),
  check (split_part(role, ':', 1) = scope_kind),
  check ((scope_kind = 'platform') = (scope_id = ''))
);
create index role_grants_scope_idx on role_grants (scope_kind, scope_id);

-- Grants on one city.
create table city_role_grants (
  city_id integer not null references cities(id) on delete cascade,
  user_id integer not null references users(id) on delete cascade,
  role text not null check (role in ('city:administrator', 'city:analyst', 'city:moderator', 'city:viewer')),
  granted_by text not null,
  granted_at timestamptz not null default now(),
  primary key (city_id, user_id, role)
);
create index city_role_grants_user_idx on city_role_grants (user_id);

-- Server-side sessions. id is the SHA-256 (hex) of the cookie's random token: the store never holds the token.
create table sessions (
  id text primary key check (id ~ '^[0-9a-f]{64}$'),
  user_id integer not null references users(id) on delete cascade,
  second_factor boolean not null default false,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index sessions_user_idx on sessions (user_id) where revoked_at is null;

-- First-run setup links, invitations and password resets: single use, expiring, stored as SHA-256 of the token.
create table one_time_links (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('setup', 'invitation', 'password_reset')),
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  email text,
  user_id integer references users(id) on delete cascade,
  display_name text,
  -- invitations: the grants to give, as the API writes them ([{ "role": "city:analyst", "scope": "nairobi" }])
  grants jsonb not null default '[]'::jsonb,
  language text not null default 'en',
  created_by text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  revoked_at timestamptz
);
create index one_time_links_kind_idx on one_time_links (kind, email) where used_at is null and revoked_at is null;

-- Failed sign-ins of the last minutes, by account (SHA-256 of the e-mail address) and by network address
-- (HMAC with a secret of this store, so the address cannot be read back). Rows older than the window are deleted.
create table sign_in_failures (
  id bigint generated always as identity primary key,
  key text not null,
  at timestamptz not null default now()
);
create index sign_in_failures_key_idx on sign_in_failures (key, at);

-- Random keys this store generates for itself (e.g. the HMAC key of sign_in_failures).
create table platform_secrets (
  name text primary key,
  value text not null,
  created_at timestamptz not null default now()
);

-- The audit log (DESIGN §6). Append-only: an update is refused, and so is a delete unless a retention job says it
-- is one (set local safer.audit_retention = 'on'). No table references it, and it references none, so a city
-- or a person removed later leaves their history behind.
create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor text not null,
  action text not null,
  target_type text not null,
  target_id text,
  scope_kind text,
  scope_id text,
  fields jsonb not null default '[]'::jsonb
);
create index audit_log_at_idx on audit_log (at, id);
create index audit_log_actor_idx on audit_log (actor, id);
create index audit_log_target_idx on audit_log (target_type, target_id, id);
create index audit_log_scope_idx on audit_log (scope_kind, scope_id, id);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('safer.audit_retention', true) = 'on' then
    return old;
  end if;
  raise exception 'the audit log is append-only' using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_append_only();
