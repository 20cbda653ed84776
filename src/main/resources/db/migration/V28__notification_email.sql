-- The e-mail outbox: one row per notice whose recipient has an address while mail is configured.
-- The row is written in the notice's own transaction, which runs only after the change that caused it
-- committed, and a scheduled job sends it and records what happened. It holds neither the address
-- (looked up when sending) nor any text (the same generic words for everyone), so no personal data.
create table notification.email (
	notice_id       uuid        not null primary key references notification.notice (id),
	status          text        not null default 'PENDING'
		check (status in ('PENDING', 'SENT', 'FAILED', 'NO_ADDRESS')),
	attempts        integer     not null default 0,
	next_attempt_at timestamptz not null,
	sent_at         timestamptz,
	last_error      text,
	version         bigint      not null default 0
);
create index email_due on notification.email (next_attempt_at) where status = 'PENDING';
