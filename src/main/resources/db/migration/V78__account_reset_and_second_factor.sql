-- A password reset by an administrator: the one-time code is kept only as a hash, runs out, and is deleted when it is
-- used, so it works once. One pending code per account; a new reset replaces it.
create table team.password_reset (
	account_id uuid        not null primary key references team.account (id),
	code_hash  text        not null,
	expires_at timestamptz not null,
	issued_by  text        not null,
	issued_at  timestamptz not null default now()
);

-- The optional second factor (RFC 6238 time-based codes). The shared secret is encrypted with a key kept outside the
-- database (AES-GCM), so a copy of the database alone does not give it away. totp_confirmed_at is null while the
-- person is still setting it up; totp_last_step stops a code being used twice.
alter table team.account
	add column totp_secret       bytea,
	add column totp_confirmed_at timestamptz,
	add column totp_last_step    bigint;
