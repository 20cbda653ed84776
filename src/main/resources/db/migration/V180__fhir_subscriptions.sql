-- FHIR R4 Subscriptions (rest-hook, topic-based as in the R5 Backport IG; ADR 0036-fhir-sub).
-- A subscription belongs to the account that registered it: at send time the notification
-- is decided as that account, so the owner's username and account id are kept, not roles.
create table fhir.subscription (
	id                   uuid        primary key,
	owner_account        uuid        not null,
	owner_username       text        not null,
	-- Told (in the inbox) when the subscription is switched off; null for an account with
	-- no practitioner, which then learns it from Subscription.status and error.
	owner_practitioner   uuid,
	topic                text        not null check (topic in ('referral-received', 'care-plan-changed', 'admission')),
	endpoint             text        not null check (length(endpoint) <= 2000),
	-- Extra HTTP headers to send ("Name: value"), one a line; a line break is never
	-- allowed inside one, so the text splits back faithfully.
	headers              text        not null default '',
	payload              text        not null check (payload in ('empty', 'id-only')),
	reason               text        not null check (length(reason) <= 1000),
	status               text        not null check (status in ('active', 'error', 'off')),
	end_at               timestamptz,
	events_since_start   bigint      not null default 0,
	consecutive_failures integer     not null default 0,
	error                text,
	created_at           timestamptz not null,
	updated_at           timestamptz not null,
	version              bigint      not null default 0
);
create index subscription_topic on fhir.subscription (topic) where status = 'active';
create index subscription_owner on fhir.subscription (owner_account);

-- The outbox: written in the same transaction as the event's reception, sent by a
-- scheduled job that claims rows with FOR UPDATE SKIP LOCKED and a lease, so two nodes
-- never send one row twice and a crashed sender's rows come back by themselves.
create table fhir.subscription_notification (
	id              uuid        primary key,
	subscription_id uuid        not null references fhir.subscription (id) on delete cascade,
	person_id       uuid        not null,
	-- The reference a partner may read ("Patient/…", "CarePlan/…"), sent only if the owner
	-- may open the record when it is sent.
	focus           text        not null,
	event_number    bigint      not null,
	occurred_at     timestamptz not null,
	status          text        not null check (status in ('PENDING', 'SENT', 'WITHHELD', 'ABANDONED')),
	attempts        integer     not null default 0,
	next_attempt_at timestamptz not null,
	sent_at         timestamptz,
	-- An HTTP status or an exception's class: never a response body.
	last_error      text,
	version         bigint      not null default 0
);
create index subscription_notification_due on fhir.subscription_notification (next_attempt_at)
	where status = 'PENDING';
create index subscription_notification_subscription on fhir.subscription_notification (subscription_id);
