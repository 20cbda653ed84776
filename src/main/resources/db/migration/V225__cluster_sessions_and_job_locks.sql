-- Several application nodes share one database (ADR 47): the HTTP sessions live here so any
-- node can serve any request, and each scheduled job takes its lock here so it runs on one
-- node at a time. Spring Session's own PostgreSQL schema, kept by Flyway instead of Spring
-- Session's initialiser so that every table has a migration; times are Spring Session's
-- epoch milliseconds, which its queries compare directly.
create schema cluster;

create table cluster.http_session (
	primary_id char(36) not null,
	session_id char(36) not null,
	creation_time bigint not null,
	last_access_time bigint not null,
	max_inactive_interval int not null,
	expiry_time bigint not null,
	principal_name varchar(100),
	constraint http_session_pk primary key (primary_id)
);

create unique index http_session_ix1 on cluster.http_session (session_id);
create index http_session_ix2 on cluster.http_session (expiry_time);
create index http_session_ix3 on cluster.http_session (principal_name);

create table cluster.http_session_attributes (
	session_primary_id char(36) not null,
	attribute_name varchar(200) not null,
	attribute_bytes bytea not null,
	constraint http_session_attributes_pk primary key (session_primary_id, attribute_name),
	constraint http_session_attributes_fk foreign key (session_primary_id)
		references cluster.http_session (primary_id) on delete cascade
);

-- ShedLock's table: one row per job, held until lock_until by the node named in locked_by.
-- Times are the database's own clock (usingDbTime), so nodes whose clocks drift still agree.
create table cluster.job_lock (
	name varchar(64) not null primary key,
	lock_until timestamptz not null,
	locked_at timestamptz not null,
	locked_by varchar(255) not null
);
