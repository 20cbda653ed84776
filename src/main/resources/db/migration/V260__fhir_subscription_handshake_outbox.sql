-- The R4 handshake leaves the create request (ADR 0055-fhirsub): a new subscription is
-- stored 'requested' with handshake_due_at set, and the sender's scheduled job claims it
-- (skip locked, with a lease, like a notification), POSTs the handshake and records the
-- outcome. A failed handshake is retried with the notifications' waits; enough failures
-- in a row switch the subscription to 'error' and tell its owner. handshake_due_at is
-- null once the handshake was decided.
alter table fhir.subscription add column handshake_due_at timestamptz;
alter table fhir.subscription add column handshake_attempts integer not null default 0;
create index subscription_handshake_due on fhir.subscription (handshake_due_at) where status = 'requested';
-- One left 'requested' by a node that stopped between the create and its handshake.
update fhir.subscription set handshake_due_at = updated_at where status = 'requested';
-- The owner reads the error: plain words instead of an HTTP code or a Java class name.
update fhir.subscription set error = case
	when error ~ '^(handshake: )?HTTP [0-9]{3}$'
		then (case when error like 'handshake:%' then 'The handshake failed. ' else '' end)
			|| 'The partner''s endpoint answered ' || right(error, 3) || '.'
	when error ~ 'Timeout'
		then (case when error like 'handshake:%' then 'The handshake failed. ' else '' end)
			|| 'The partner''s endpoint did not answer in time.'
	else (case when error like 'handshake:%' then 'The handshake failed. ' else '' end)
		|| 'The partner''s endpoint could not be reached.'
	end
where error is not null;
