-- API tokens for machines (issue 4): scheduled imports, Open311 clients. The store never holds a token: only the
-- SHA-256 (hex) of the secret `sct_…` (256 random bits, so no slow hash is needed) and its first 12 characters,
-- for people to recognise it in a list. Grants are kept as the API writes them
-- ([{ "role": "city:open311_client", "scope": "nairobi" }]); a token never carries a role that needs a second factor.
create table api_tokens (
  id integer generated always as identity primary key,
  name text not null check (length(name) between 1 and 100),
  prefix text not null check (prefix ~ '^sct_'),
  secret_hash text not null unique check (secret_hash ~ '^[0-9a-f]{64}$'),
  grants jsonb not null default '[]'::jsonb,
  created_by text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_by text,
  last_used_at timestamptz,
  check (expires_at > created_at and expires_at <= created_at + interval '367 days')
);
create index api_tokens_live_idx on api_tokens (expires_at) where revoked_at is null;

-- Reads of sensitive data name how many records they returned (never which values): an export, the rejected rows
-- of an import, exact counts.
alter table audit_log add column record_count integer check (record_count >= 0);
