-- Notices and the e-mail outbox grow with every change anyone makes and are never deleted, so they are partitioned
-- by month (issue 21): a month's rows sit together, old months can be detached or archived whole, and the unread
-- count and inbox read one small index per month rather than one index over years. Native declarative partitioning;
-- docs/adr/0048-scale-notification-partitions-and-read-replica.md has the reasons.
--
-- A partitioned table's primary key must include the partition key, so a notice is now identified by (id,
-- created_at): ids are random UUIDs (gen_random_uuid / UUID.randomUUID), so id alone stays unique in practice, but the
-- database enforces it per month only. The outbox row names its notice by both columns (notice_created_at is the
-- notice's created_at, copied when the row is queued), which lets the foreign key stay and the outbox be partitioned
-- by the same month. Each table has a default partition so that a row outside the months created never fails; the
-- job that creates months ahead (notification.NoticePartitions) moves any such rows into their month.

-- One month's partitions of the three tables, created if missing; rows of that month already in a default partition
-- move into it in the same transaction. Used by this migration and by the job, so both create the same tables.
create function notification.add_month_partitions(p_month date) returns void
language plpgsql as $$
declare
	-- Months are calendar months in UTC, whatever the session's time zone.
	low timestamptz := date_trunc('month', p_month::timestamp) at time zone 'UTC';
	high timestamptz := (date_trunc('month', p_month::timestamp) + interval '1 month') at time zone 'UTC';
	suffix text := to_char(p_month, '"y"YYYY"m"MM');
	-- The referenced table comes first: rows leave the defaults in reverse order and are attached in this order,
	-- so the outbox's foreign key always finds its notice.
	tables text[] := array['notice', 'person_side_notice', 'email'];
	keys text[] := array['created_at', 'created_at', 'notice_created_at'];
	made boolean[] := array[false, false, false];
	i int;
begin
	for i in 1..3 loop
		if to_regclass(format('notification.%I', tables[i] || '_' || suffix)) is null then
			execute format('create table notification.%I (like notification.%I including defaults including constraints)',
				tables[i] || '_' || suffix, tables[i]);
			execute format('insert into notification.%I select * from notification.%I where %I >= $1 and %I < $2',
				tables[i] || '_' || suffix, tables[i] || '_default', keys[i], keys[i]) using low, high;
			made[i] := true;
		end if;
	end loop;
	for i in reverse 3..1 loop
		if made[i] then
			execute format('delete from notification.%I where %I >= $1 and %I < $2',
				tables[i] || '_default', keys[i], keys[i]) using low, high;
		end if;
	end loop;
	for i in 1..3 loop
		if made[i] then
			execute format('alter table notification.%I attach partition notification.%I for values from (%L) to (%L)',
				tables[i], tables[i] || '_' || suffix, low, high);
		end if;
	end loop;
end;
$$;

alter table notification.email drop constraint email_notice_id_fkey;
alter table notification.email rename to email_unpartitioned;
alter index notification.email_pkey rename to email_unpartitioned_pkey;
alter table notification.notice rename to notice_unpartitioned;
alter index notification.notice_pkey rename to notice_unpartitioned_pkey;
alter table notification.person_side_notice rename to person_side_notice_unpartitioned;
alter index notification.person_side_notice_pkey rename to person_side_notice_unpartitioned_pkey;

create table notification.notice (
	id              uuid        not null,
	recipient_id    uuid        not null references team.practitioner (id),
	kind            text        not null,
	link            text        not null,
	created_at      timestamptz not null,
	read_at         timestamptz,
	person_id       uuid,
	actor_id        uuid references team.practitioner (id),
	primary key (id, created_at)
) partition by range (created_at);
create table notification.notice_default partition of notification.notice default;

create table notification.person_side_notice (
	id          uuid        not null,
	account_id  uuid        not null,
	person_id   uuid        not null,
	kind        text        not null,
	link        text        not null,
	created_at  timestamptz not null,
	read_at     timestamptz,
	primary key (id, created_at)
) partition by range (created_at);
create table notification.person_side_notice_default partition of notification.person_side_notice default;

create table notification.email (
	notice_id         uuid        not null,
	notice_created_at timestamptz not null,
	status            text        not null default 'PENDING'
		check (status in ('PENDING', 'SENT', 'FAILED', 'NO_ADDRESS')),
	attempts          integer     not null default 0,
	next_attempt_at   timestamptz not null,
	sent_at           timestamptz,
	last_error        text,
	version           bigint      not null default 0,
	primary key (notice_id, notice_created_at),
	foreign key (notice_id, notice_created_at) references notification.notice (id, created_at)
) partition by range (notice_created_at);
create table notification.email_default partition of notification.email default;

-- Months from the oldest existing notice (or last month, whichever is earlier) to three months ahead; the job keeps
-- three months ahead from then on.
select notification.add_month_partitions(month::date)
from generate_series(
	date_trunc('month', least(
		(select min(created_at) from notification.notice_unpartitioned),
		(select min(created_at) from notification.person_side_notice_unpartitioned),
		now() - interval '1 month') at time zone 'UTC'),
	date_trunc('month', now() at time zone 'UTC') + interval '3 months',
	interval '1 month') as month;

insert into notification.notice (id, recipient_id, kind, link, created_at, read_at, person_id, actor_id)
select id, recipient_id, kind, link, created_at, read_at, person_id, actor_id from notification.notice_unpartitioned;
insert into notification.person_side_notice (id, account_id, person_id, kind, link, created_at, read_at)
select id, account_id, person_id, kind, link, created_at, read_at from notification.person_side_notice_unpartitioned;
insert into notification.email (notice_id, notice_created_at, status, attempts, next_attempt_at, sent_at, last_error,
	version)
select e.notice_id, n.created_at, e.status, e.attempts, e.next_attempt_at, e.sent_at, e.last_error, e.version
from notification.email_unpartitioned e join notification.notice_unpartitioned n on n.id = e.notice_id;

drop table notification.email_unpartitioned;
drop table notification.notice_unpartitioned;
drop table notification.person_side_notice_unpartitioned;

-- The same indexes as before (V27, V28, V73, V170), now one per month under each partitioned index.
create index notice_by_recipient on notification.notice (recipient_id, created_at desc);
create index notice_unread on notification.notice (recipient_id) where read_at is null;
create index email_due on notification.email (next_attempt_at) where status = 'PENDING';
create index person_side_notice_by_account on notification.person_side_notice (account_id, created_at desc);
