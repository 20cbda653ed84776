-- Failed sign-ins, one row per account name (known or not, so unknown names behave exactly like real ones) and one per
-- client address. Kept in the database, not in memory, so every node of a cluster sees the same counts and delays.
create table team.sign_in_throttle (
	key             text        not null primary key,
	failures        integer     not null default 0,
	last_failure_at timestamptz not null,
	not_before      timestamptz,
	locked_until    timestamptz
);
