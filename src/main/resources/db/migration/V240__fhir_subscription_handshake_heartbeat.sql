-- R4 Subscriptions handshake and heartbeat (ADR 0049-fhir). A new subscription is
-- 'requested' until its endpoint answers the handshake with 2xx ('active'), else 'error'.
-- heartbeat_period (seconds) asks for a heartbeat when nothing was sent for that long;
-- last_sent_at is when the endpoint last took something (handshake, event or heartbeat).
alter table fhir.subscription drop constraint subscription_status_check;
alter table fhir.subscription add constraint subscription_status_check
	check (status in ('requested', 'active', 'error', 'off'));
alter table fhir.subscription add column heartbeat_period integer
	check (heartbeat_period between 60 and 86400);
alter table fhir.subscription add column last_sent_at timestamptz;
create index subscription_heartbeat on fhir.subscription (last_sent_at)
	where status = 'active' and heartbeat_period is not null;
