-- session_epoch goes up whenever an account's open sessions must end at once (disabled, roles changed, password reset);
-- each request compares it with the value at sign-in. It lives in the database so it works with any session store and
-- any number of nodes.
alter table team.account
	add column session_epoch        bigint  not null default 0,
	add column must_change_password boolean not null default false;
